// The command palette reaches Settings from the keyboard alone; the company name saved there is
// in the database.
import assert from 'node:assert/strict';
import { Key } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

e2e('Ctrl-K "settings" Enter opens Settings, and the company name saves', async ({ launch, crm }) => {
	const app = await launch();
	assert.equal(await app.isVisible('palette'), false);

	await app.press(Key.CONTROL, 'k');
	await app.waitFor('palette');
	const focused = await app.script(() => document.activeElement?.getAttribute('data-testid'));
	assert.equal(focused, 'palette-input', 'the palette takes the focus');
	await app.keys('settings');
	await app.press(Key.ENTER);

	await app.waitForHash(/^#\/settings\/?$/);
	await app.waitForGone('palette');
	await app.type('field-company_name', 'Müller & Söhne GmbH');
	await app.click('settings-save');
	await app.waitFor('settings-saved');

	const settings = await crm.call('settings_get');
	assert.equal(settings.company_name, 'Müller & Söhne GmbH');
});

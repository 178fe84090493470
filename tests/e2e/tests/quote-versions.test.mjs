// A sent quote gets a new version from its form: a draft with the same number, changed and saved;
// "Compare with…" then shows the core's differences: the changed line and both totals.
import assert from 'node:assert/strict';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

e2e('a new version of a sent quote is changed and compared with the first', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US', default_currency: 'EUR' } });
	const account = await crm.call('account_create', { name: 'Müller GmbH' });
	const first = await crm.call('quote_create', {
		subject: 'Network upgrade',
		account_id: account.id,
		currency: 'EUR',
		lines: [{ description: 'Cabling', quantity: '2', unit: 'h', unit_price: '45.00', tax_rate: '0.19' }]
	});
	await crm.call('quote_set_status', { id: first.id, status: 'sent' });

	const app = await launch();
	await app.click('nav-quotes');
	await app.click('quote-row');
	await app.waitForText('quote-status', 'Sent');
	await app.click('quote-new-version');
	await app.waitForHash(new RegExp(`^#/quotes/(?!${first.id}$)[^/?]+$`));
	await app.waitForText('quote-status', 'Draft');

	const versions = await crm.call('quote_versions', { id: first.id });
	assert.deepEqual(versions.map((v) => [v.number, v.version, v.superseded]), [[first.number, 1, true], [first.number, 2, false]]);

	const [quantity] = await app.all('quote-line-quantity');
	await quantity.clear();
	await quantity.sendKeys('5');
	// 5 × 45.00 = 225.00 + 19 % = 267.75
	await app.waitForText('quote-total', '267.75');
	await app.click('quote-save');
	await waitUntil(async () => (await crm.call('quote_get', { id: versions[1].id })).totals.total === '267.75', 'the new version saved');

	await app.waitForCount('quote-version', (n) => n === 2, 'two versions listed');
	await app.select('quote-compare-with', first.id);
	await app.waitForText('quote-comparison', 'Version 1 → version 2');
	const [line] = await app.texts('quote-diff-line');
	assert.match(line, /Changed/);
	assert.match(line, /Cabling/);
	assert.match(line, /Quantity:\s*2\s*→\s*5/);
	const totals = await app.texts('quote-diff-total');
	assert.match(totals.at(-1), /107\.10.*267\.75/s, 'the total before and after');
});

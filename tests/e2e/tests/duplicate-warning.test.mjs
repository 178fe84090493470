// Typing a person who is already there into a new contact form warns about the likely duplicate
// before it is saved, and links to the existing contact.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { startNewContact } from '../lib/steps.mjs';

e2e('a new contact that is already there is flagged while typing', async ({ launch, crm }) => {
	await crm.run('init');
	const existing = await crm.call('contact_create', {
		first_name: 'Mykola',
		last_name: 'Kovalenko',
		emails: ['m.kovalenko@example.ua']
	});
	const app = await launch();
	await startNewContact(app);
	await app.type('field-first_name', 'Mykola');
	await app.type('field-last_name', 'Kovalenko');
	await app.type('field-emails-0', 'M.Kovalenko@example.ua');
	await app.waitFor('create-duplicates');
	const hit = await app.waitFor('create-duplicate-hit');
	assert.equal(await hit.getAttribute('data-id'), existing.id);
	await app.waitForText('create-duplicate-hit', 'Mykola Kovalenko');
});

// A contact without a last name is refused: the message stands next to the field, the typed first
// name stays, and nothing reaches the database.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { leaveFormForContacts, startNewContact, storedContactNames } from '../lib/steps.mjs';

e2e('saving a contact without a last name shows the error and saves nothing', async ({ launch, crm }) => {
	const app = await launch();
	await startNewContact(app);
	await app.type('field-first_name', 'Anna');
	await app.click('contact-save');

	const message = await app.text('error-last_name');
	assert.ok(message.length > 0, 'the error has a message');
	// Next to its field: in the same field block, and announced with it.
	const placement = await app.script(() => {
		const field = document.querySelector('[data-testid="field-last_name"]');
		const error = document.querySelector('[data-testid="error-last_name"]');
		return {
			sameBlock: field.parentElement === error.parentElement,
			describedBy: (field.getAttribute('aria-describedby') ?? '').split(' ').includes(error.id),
			invalid: field.getAttribute('aria-invalid'),
			below: error.getBoundingClientRect().top >= field.getBoundingClientRect().bottom - 1
		};
	});
	assert.deepEqual(placement, { sameBlock: true, describedBy: true, invalid: 'true', below: true });
	assert.equal(await app.value('field-first_name'), 'Anna', 'what was typed stays');
	assert.equal(await app.hash(), '#/contacts/new', 'the form stays open');

	const stored = await storedContactNames(crm);
	assert.equal(stored.total, 0, `nothing was saved: ${JSON.stringify(stored)}`);

	await leaveFormForContacts(app);
	await app.waitFor('contacts-empty');
	assert.equal(await app.count('contact-row'), 0);
});

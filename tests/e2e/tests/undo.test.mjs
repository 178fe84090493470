// Deleting a contact offers an undo; undo brings it back into the list and the database.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { createContact, rowsNamed, storedContactNames, waitForRow } from '../lib/steps.mjs';

e2e('a deleted contact comes back with undo', async ({ launch, crm }) => {
	const app = await launch();
	await createContact(app, { first: 'Grace', last: 'Hopper', email: 'grace@example.com' });

	await app.click('contact-delete');
	await app.waitForHash(/^#\/contacts\/?$/);
	await app.waitFor('toast-undo');
	await app.waitFor('contacts-empty');
	assert.deepEqual(await rowsNamed(app, 'Grace Hopper'), [], 'the deleted contact left the list');
	assert.equal((await storedContactNames(crm)).total, 0, 'the database lists it no more');

	await app.click('toast-undo');
	await waitForRow(app, 'Grace Hopper');
	assert.equal(await app.isVisible('contacts-empty'), false);
	const stored = await storedContactNames(crm);
	assert.deepEqual(stored.names, ['Grace Hopper'], `it is back in the database: ${JSON.stringify(stored)}`);
});

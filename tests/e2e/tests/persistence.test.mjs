// What the user saves is in the database file: it is there after the app was closed and started
// again, and the crm tool reads it too.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { createContact, digits, openContacts, storedContactNames, waitForRow } from '../lib/steps.mjs';

e2e('a saved contact is still there after the app restarts', async ({ launch, crm }) => {
	const first = await launch();
	await createContact(first, { first: 'Ada', last: 'Lovelace', email: 'ada@example.org' });
	await first.quit();

	const stored = await storedContactNames(crm);
	assert.equal(stored.total, 1, `the database holds one contact: ${JSON.stringify(stored)}`);
	assert.deepEqual(stored.names, ['Ada Lovelace']);

	const second = await launch();
	await openContacts(second);
	await waitForRow(second, 'Ada Lovelace');
	assert.equal(await second.count('contact-row'), 1);
	assert.equal(digits(await second.text('contacts-total')), '1');
	assert.match((await second.texts('contact-row'))[0], /ada@example\.org/);
});

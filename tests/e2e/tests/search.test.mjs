// A contact created in the app is found by the global search without its diacritics and in lower
// case, and the hit opens the record.
import assert from 'node:assert/strict';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';
import { createContact, openContacts } from '../lib/steps.mjs';

e2e('search finds "Jürgen Groß" by typing "gro" and opens him', async ({ launch }) => {
	const app = await launch();
	const id = await createContact(app, { first: 'Jürgen', last: 'Groß', email: 'jg@example.de' });

	// Away from the record, so opening it from the search is what brings its title back.
	await openContacts(app);
	await app.waitForGone('record-title');

	await app.type('global-search', 'gro');
	await app.waitFor('search-results');
	const hit = await waitUntil(async () => {
		for (const element of await app.all('search-hit')) {
			if ((await app.textOf(element)).includes('Jürgen Groß')) return element;
		}
		return null;
	}, 'a search hit showing "Jürgen Groß"');

	await hit.click();
	await app.waitForText('record-title', (text) => text === 'Jürgen Groß', { what: '"Jürgen Groß"' });
	assert.equal(await app.hash(), `#/contacts/${id}`);
	assert.equal(await app.isVisible('search-results'), false, 'the results close once a hit is open');
});

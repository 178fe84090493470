// Filtering the contacts list by a tag, saving that as a view, and getting it back after the
// filter is cleared.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { openContacts, rowsNamed, waitForRow } from '../lib/steps.mjs';

e2e('a tag filter saved as a view comes back from the views menu', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('contact_create', { first_name: 'Ada', last_name: 'Lovelace', tags: ['vip'] });
	await crm.call('contact_create', { first_name: 'Charles', last_name: 'Babbage' });
	const app = await launch();
	await openContacts(app);
	await waitForRow(app, 'Charles Babbage');

	await app.select('contacts-filter-tag', 'vip');
	await app.waitForText('contacts-total', '1');
	assert.deepEqual(await rowsNamed(app, 'Charles Babbage'), [], 'the untagged contact is filtered out');

	await app.click('contacts-save-view');
	await app.type('view-name', 'VIPs');
	await app.click('view-save-confirm');
	await app.waitForGone('view-name');
	const views = await crm.call('view_list', { record_type: 'contact' });
	assert.deepEqual(views.map((v) => v.name), ['VIPs']);

	await app.click('contacts-clear-filters');
	await waitForRow(app, 'Charles Babbage');
	await app.click('contacts-views');
	await app.click('view-item');
	await app.waitForText('contacts-total', '1');
	await waitForRow(app, 'Ada Lovelace');
	assert.deepEqual(await rowsNamed(app, 'Charles Babbage'), []);
});

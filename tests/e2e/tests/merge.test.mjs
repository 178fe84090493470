// Two records of the same person are found as duplicates from the contact card and merged, picking
// a field's value from the duplicate; the merge keeps one contact with both records' data.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';
import { openContacts, rowsNamed, waitForRow } from '../lib/steps.mjs';

e2e('two duplicate contacts merge into one', async ({ launch, crm }) => {
	await crm.run('init');
	const kept = await crm.call('contact_create', {
		first_name: 'Olena',
		last_name: 'Shevchenko',
		title: 'Buyer',
		emails: ['olena@example.ua']
	});
	const duplicate = await crm.call('contact_create', {
		first_name: 'Olena',
		last_name: 'Shevchenko',
		title: 'Head of purchasing',
		emails: ['olena@example.ua'],
		phones: ['+380 44 123 4567']
	});
	const app = await launch();
	await openContacts(app);
	await waitForRow(app, 'Olena Shevchenko');
	for (const element of await app.all('contact-row')) {
		if ((await app.textOf(element)).includes('Olena Shevchenko')) {
			await element.click();
			break;
		}
	}
	const hash = await app.waitForHash(/^#\/contacts\/[^/]+$/);
	const openId = decodeURIComponent(hash.slice('#/contacts/'.length));
	const other = openId === kept.id ? duplicate : kept;

	await app.click('find-duplicates');
	await app.click('duplicate-hit');
	await app.waitForHash(/^#\/contacts\/merge/);
	await app.click('merge-pick-title');
	await app.click('merge-confirm');
	await app.waitForHash(new RegExp(`^#/contacts/${openId}$`));
	await app.waitFor('toast-undo');

	const merged = await crm.call('contact_get', { id: openId });
	assert.equal(merged.title, other.title, 'the title picked from the duplicate');
	assert.deepEqual(merged.phones.map((p) => p.value), ['+380 44 123 4567'], 'the phone of the duplicate is kept');
	assert.ok((await crm.call('contact_get', { id: other.id })).deleted_at, 'the duplicate is gone');
	await openContacts(app);
	await waitForRow(app, 'Olena Shevchenko');
	assert.equal((await rowsNamed(app, 'Olena Shevchenko')).length, 1, 'one contact left in the list');
});

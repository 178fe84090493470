// The accounts list: sort by a column, tag two selected accounts in one step, filter by that
// tag, and take the tagging back from the toast.
import assert from 'node:assert/strict';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

const NAMES = ['Alpha Bau', 'Mitte Handel', 'Zeta Werke'];

/** The names of the account rows in the order the list shows them. */
async function accountNames(app) {
	return (await app.texts('account-row')).map((text) => NAMES.find((n) => text.startsWith(n)) ?? text);
}

async function waitForNames(app, expected) {
	await waitUntil(
		async () => JSON.stringify(await accountNames(app)) === JSON.stringify(expected),
		`the account rows ${JSON.stringify(expected)}`
	);
}

e2e('accounts sort by industry, and two selected ones are tagged in one step with undo', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('account_create', { name: 'Zeta Werke', industry: 'Automotive' });
	await crm.call('account_create', { name: 'Alpha Bau', industry: 'Construction' });
	await crm.call('account_create', { name: 'Mitte Handel', industry: 'Retail' });
	const app = await launch();
	await app.click('nav-accounts');
	await app.waitForHash(/^#\/accounts\/?$/);
	await waitForNames(app, ['Alpha Bau', 'Mitte Handel', 'Zeta Werke']);

	await app.click('sort-industry');
	await waitForNames(app, ['Zeta Werke', 'Alpha Bau', 'Mitte Handel']);
	await app.click('sort-industry');
	await waitForNames(app, ['Mitte Handel', 'Alpha Bau', 'Zeta Werke']);

	const checks = await app.all('row-check');
	await checks[0].click();
	await checks[2].click();
	await app.click('bulk-tag');
	await app.type('bulk-tag-name', 'key account');
	await app.click('bulk-tag-add');
	await app.waitFor('toast-undo');
	const tagged = await crm.call('account_list', { tag: 'key account' });
	assert.deepEqual(tagged.rows.map((r) => r.name).sort(), ['Mitte Handel', 'Zeta Werke']);

	await app.select('accounts-filter-tag', 'key account');
	await app.waitForText('accounts-total', '2');
	await waitForNames(app, ['Mitte Handel', 'Zeta Werke']);

	await app.click('toast-undo');
	await app.waitFor('accounts-empty');
	const after = await crm.call('account_list', { tag: 'key account' });
	assert.equal(after.total, 0, 'undo took the tag off both accounts');
});

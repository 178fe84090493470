// A contract for an account made through its form: the term gives the end date worked out by the
// core, the value is stored exactly; activated, it is listed under Active and, its reminder being
// due, shows on the home screen among the contracts to renew, from where it opens.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';

e2e('a contract made in its form is activated, listed and offered for renewal', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US', default_currency: 'EUR' } });
	await crm.call('account_create', { name: 'Nordwind AG' });

	const app = await launch();
	await app.click('nav-contracts');
	await app.waitForHash(/^#\/contracts\/?$/);
	await app.waitFor('contracts-empty');

	await app.click('contract-new');
	await app.waitForHash(/^#\/contracts\/new$/);
	await app.type('contract-subject', 'Support and maintenance');
	await app.type('contract-account', 'Nordwind');
	await app.waitForText('picker-option', 'Nordwind AG');
	await app.click('picker-option');
	// One month with a 30-day reminder: the renewal is due as soon as the contract is active.
	await app.type('contract-term', '1');
	await app.type('contract-value', '12,500.50');
	await app.click('contract-save');
	await app.waitForHash(/^#\/contracts\/(?!new$)[^/]+$/);
	await app.waitForText('record-title', 'Support and maintenance');
	await app.waitForText('contract-status', 'Draft');

	const page = await crm.call('contract_list', {});
	assert.equal(page.total, 1);
	const [row] = page.rows;
	assert.equal(row.value, '12500.50');
	assert.equal(row.currency, 'EUR');
	assert.equal(row.status, 'draft');
	const contract = await crm.call('contract_get', { id: row.id });
	assert.equal(contract.term_months, 1);
	assert.ok(contract.end_date > contract.start_date, 'the core worked out the end date');

	await app.click('contract-to-active');
	await app.waitForText('contract-status', 'Active');
	assert.equal((await crm.call('contract_get', { id: row.id })).status, 'active');

	await app.click('nav-contracts');
	await app.click('contracts-status-active');
	await app.waitForText('contracts-total', '1');
	const [listed] = await app.texts('contract-row');
	assert.match(listed, /Support and maintenance/);
	assert.match(listed, /Nordwind AG/);
	assert.match(listed, /Active/);
	assert.match(listed, /12,500\.50/);
	await app.click('contracts-status-terminated');
	await app.waitFor('contracts-empty');

	await app.click('nav-home');
	await app.waitForText('home-renewal', 'Support and maintenance');
	await app.click('home-renewal');
	await app.waitForHash(new RegExp(`^#/contracts/${row.id}$`));
	await app.waitForText('record-title', 'Support and maintenance');
});

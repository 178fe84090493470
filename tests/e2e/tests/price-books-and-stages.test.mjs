// Price books under Products: a book created with prices for two products, one changed in place
// and one removed then restored with Undo. Sales stages in Settings: a stage added and moved up,
// refused probabilities shown at their field, then saved in the new order.
import assert from 'node:assert/strict';
import { Key, waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

async function prices(crm, bookId) {
	const rows = await crm.call('price_book_entries', { price_book_id: bookId });
	return Object.fromEntries(rows.map((r) => [r.product_code, r.unit_price]));
}

e2e('a price book gets prices that change, go and come back with undo', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US', default_currency: 'EUR' } });
	await crm.call('product_create', { code: 'HW-1', name: 'Router', unit: 'pcs', tax_rate: '0.19' });
	await crm.call('product_create', { code: 'SVC-1', name: 'Installation', unit: 'h', tax_rate: '0.19' });

	const app = await launch();
	await app.click('nav-products');
	await app.click('products-price-books');
	await app.waitFor('price-books-empty');
	await app.click('price-book-new');
	await app.type('price-book-name', 'Wholesale');
	await app.click('price-book-save');
	await app.waitForHash(/^#\/products\/price-books\/(?!new)[^/?]+$/);
	const [book] = (await crm.call('price_book_list', { desc: false, after: null, limit: 10 })).rows;
	assert.equal(book.name, 'Wholesale');
	assert.equal(book.currency, 'EUR', 'the company currency when none is typed');

	for (const [name, price] of [['Router', '99.90'], ['Install', '60']]) {
		await app.type('price-book-entry-product', name);
		await app.waitForText('picker-option', name);
		await app.click('picker-option');
		await app.type('price-book-entry-new-price', price);
		await app.click('price-book-entry-add');
		await waitUntil(async () => Object.keys(await prices(crm, book.id)).length === (name === 'Router' ? 1 : 2), `the price of ${name}`);
	}
	await app.waitForCount('price-book-entry', (n) => n === 2, 'two prices');
	assert.deepEqual(await prices(crm, book.id), { 'HW-1': '99.90', 'SVC-1': '60' });

	// The prices are listed by product name: Installation, then Router.
	const [install] = await app.all('price-book-entry-price');
	await install.clear();
	await install.sendKeys('65.50', Key.ENTER);
	await waitUntil(async () => (await prices(crm, book.id))['SVC-1'] === '65.50', 'the changed price stored');

	await (await app.all('price-book-entry-remove'))[1].click();
	await app.waitForCount('price-book-entry', (n) => n === 1, 'one price left');
	assert.deepEqual(await prices(crm, book.id), { 'SVC-1': '65.50' });
	await app.click('toast-undo');
	await app.waitForCount('price-book-entry', (n) => n === 2, 'the price back');
	assert.deepEqual(await prices(crm, book.id), { 'HW-1': '99.90', 'SVC-1': '65.50' });
});

e2e('sales stages are added, reordered and saved in Settings', async ({ launch, crm }) => {
	await crm.run('init');
	const app = await launch();
	await app.click('nav-settings');
	await app.waitForCount('stage-row', (n) => n === 7, 'the seven default stages');

	await app.click('stage-add');
	const names = await app.all('stage-name');
	const added = names[5];
	await added.clear();
	await added.sendKeys('Contract review');
	const probabilities = await app.all('stage-probability');
	await probabilities[5].clear();
	await probabilities[5].sendKeys('abc');
	await app.click('stage-save');
	await app.waitFor('error-stages-5-probability');
	await probabilities[5].clear();
	await probabilities[5].sendKeys('120');
	await app.click('stage-save');
	await app.waitForText('error-stages-5-probability', '0 to 100');
	await probabilities[5].clear();
	await probabilities[5].sendKeys('90');
	await (await app.all('stage-up'))[5].click();
	await app.click('stage-save');
	await app.waitForText('toast', 'Stages saved');

	const stages = await crm.call('stage_list', {});
	assert.deepEqual(
		stages.map((s) => s.key),
		['prospecting', 'qualification', 'needs_analysis', 'proposal', 'contract_review', 'negotiation', 'closed_won', 'closed_lost'],
		'added before the closing stages, then one up'
	);
	assert.equal(stages[4].probability, 90);
	assert.equal(stages[4].kind, 'open');
});

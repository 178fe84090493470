// A product created through its form, with a German price and tax rate, lands in the catalog
// with exact decimals and shows in the products list.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';

e2e('a product typed with a German price and tax rate is stored exactly and listed', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'de-DE', default_currency: 'EUR' } });
	const app = await launch();
	await app.click('nav-products');
	await app.waitForHash(/^#\/products\/?$/);
	await app.waitFor('products-empty');

	await app.click('product-new');
	await app.waitForHash(/^#\/products\/new$/);
	await app.type('product-code', 'SKU-1001');
	await app.type('product-name', 'Schraube M8 verzinkt');
	await app.type('product-price', '1.234,567');
	await app.type('product-tax', '7,5');
	await app.click('product-save');
	await app.waitForHash(/^#\/products\/(?!new$)[^/]+$/);
	await app.waitForText('record-title', 'Schraube M8 verzinkt');

	const page = await crm.call('product_list', {});
	assert.equal(page.total, 1);
	const [row] = page.rows;
	assert.equal(row.default_price, '1234.567');
	assert.equal(row.tax_rate, '0.075');
	assert.equal(row.currency, 'EUR');

	await app.click('nav-products');
	await app.waitForText('products-total', '1');
	const [text] = await app.texts('product-row');
	assert.match(text, /SKU-1001/);
	assert.match(text, /7,5\s?%/);
});

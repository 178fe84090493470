// Opportunity to cash: a quote made from an opportunity (two catalog products and a free line, an
// overall discount, totals computed by the core while typing), sent and accepted; the order made
// from it, confirmed; the invoice made from the order, issued; a partial and a full payment, after
// which the invoice is paid; its PDF written for a preview.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

/** Finds a product in the "Add a product" picker and clicks the match. */
async function pickProduct(app, text) {
	await app.type('quote-add-product', text);
	await app.waitForText('picker-option', text);
	await app.click('picker-option');
}

/** Every file under `dir` whose name matches. */
function findFiles(dir, pattern) {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((path) => pattern.test(path))
		.map((path) => join(dir, path));
}

e2e('an opportunity becomes a quote, an order and an invoice that two payments settle', async ({ launch, crm, dir }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US', default_currency: 'EUR' } });
	const tax = '0.19';
	await crm.call('product_create', { code: 'SVC-1', name: 'Installation', unit: 'h', tax_rate: tax, default_price: '80', currency: 'EUR' });
	await crm.call('product_create', { code: 'HW-1', name: 'Router', unit: 'pcs', tax_rate: tax, default_price: '120.50', currency: 'EUR' });
	const account = await crm.call('account_create', { name: 'Müller GmbH' });
	const deal = await crm.call('opportunity_create', { name: 'Network upgrade', account_id: account.id, currency: 'EUR' });

	const app = await launch();
	await app.click('nav-opportunities');
	await app.click('opportunity-row');
	await app.waitForText('record-title', 'Network upgrade');
	await app.click('opportunity-new-quote');
	await app.waitForHash(/^#\/quotes\/new\?opportunity=/);

	await pickProduct(app, 'Install');
	await app.waitForCount('quote-line', (n) => n === 1, 'one line');
	await pickProduct(app, 'Router');
	await app.waitForCount('quote-line', (n) => n === 2, 'two lines');
	const quantities = await app.all('quote-line-quantity');
	await quantities[1].clear();
	await quantities[1].sendKeys('3');
	await app.click('quote-add-line');
	await app.waitForCount('quote-line', (n) => n === 3, 'three lines');
	await (await app.all('quote-line-description'))[2].sendKeys('Cabling');
	await (await app.all('quote-line-price'))[2].sendKeys('45');
	await (await app.all('quote-line-tax'))[2].sendKeys('19');
	await app.type('quote-discount', '10');

	// 80 + 3 × 120.50 + 45 = 486.50; 10 % off = 437.85 net; 19 % tax per line = 83.20.
	await app.waitForText('quote-total', '521.05');
	await app.click('quote-save');
	await app.waitForHash(/^#\/quotes\/(?!new)[^/?]+$/);
	await app.waitForText('record-title', /Q-\d+/);

	const [stored] = (await crm.call('quote_list', {})).rows;
	assert.equal(stored.total, '521.05');
	const quote = await crm.call('quote_get', { id: stored.id });
	assert.equal(quote.opportunity_id, deal.id);
	assert.equal(quote.account_id, account.id, 'the deal’s customer came with it');
	assert.deepEqual(quote.lines.map((l) => l.description), ['Installation', 'Router', 'Cabling']);

	await app.click('quote-to-sent');
	await app.waitForText('quote-status', 'Sent');
	await app.click('quote-to-accepted');
	await app.waitForText('quote-status', 'Accepted');
	await waitUntil(async () => (await crm.call('quote_get', { id: stored.id })).status === 'accepted', 'the quote accepted in the database');
	assert.equal(await app.isVisible('quote-save'), false, 'an accepted quote cannot be edited');

	await app.click('quote-make-order');
	await app.waitForHash(/^#\/orders\/[^/?]+$/);
	await app.waitForText('order-status', 'Draft');
	await app.click('order-to-confirmed');
	await app.waitForText('order-status', 'Confirmed');
	await app.click('order-make-invoice');
	await app.waitForHash(/^#\/invoices\/[^/?]+$/);
	await app.waitForText('invoice-status', 'Draft');
	await app.waitForText('invoice-header-total', '521.05');
	await app.click('invoice-to-issued');
	await app.waitForText('invoice-status', 'Issued');
	await app.waitForText('record-title', /INV-\d{4}-\d+/);

	await app.click('invoice-record-payment');
	await app.type('payment-amount', '200');
	await app.click('payment-save');
	await app.waitForText('invoice-status', 'Partly paid');
	await app.waitForText('invoice-balance', '321.05');
	await app.click('invoice-record-payment');
	await app.click('payment-save');
	await app.waitForText('invoice-status', 'Paid');
	await app.waitForText('invoice-balance', '0.00');

	const [invoice] = (await crm.call('invoice_list', {})).rows;
	assert.equal(invoice.status, 'paid');
	assert.equal(invoice.total, '521.05');
	assert.equal(invoice.balance, '0.00');
	const payments = await crm.call('payment_list', {});
	assert.deepEqual(payments.rows.map((p) => p.amount).sort(), ['200', '321.05']);

	// The PDF for a preview lands in the documents folder under the invoice's number (whether a
	// viewer then opens on this display or not).
	await app.click('invoice-pdf');
	await app.click('invoice-pdf-preview');
	const named = new RegExp(`Invoice ${invoice.number}\\.pdf$`);
	const [pdf] = await waitUntil(async () => {
		const found = findFiles(dir, named);
		return found.length > 0 ? found : null;
	}, 'the invoice PDF in the documents folder');
	assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
});

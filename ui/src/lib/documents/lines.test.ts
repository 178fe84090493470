import type { LineItem } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	emptyLine,
	lineDraft,
	preparePricing,
	pricingDraft,
	productLine,
	totalsInput
} from './lines';

const item: LineItem = {
	product_id: 'p1',
	product_code: 'SKU-1',
	description: 'Schraube',
	unit: 'pcs',
	quantity: '1000',
	unit_price: '0.125',
	discount: { percent: '5' },
	tax_rate: '0.19'
};

const doc = {
	currency: 'EUR',
	tax_mode: 'per_line' as const,
	discount: { amount: '10' },
	shipping: '4.90',
	shipping_tax_rate: '0.19',
	lines: [item]
};

describe('document lines', () => {
	it('show the stored lines in the locale, rates in percent', () => {
		const draft = pricingDraft(doc, 'de-DE');
		expect(draft.lines[0]).toMatchObject({
			quantity: '1000',
			unit_price: '0,125',
			discount_kind: 'percent',
			discount: '5',
			tax_percent: '19'
		});
		expect(draft).toMatchObject({ discount_kind: 'amount', discount: '10', shipping: '4,90' });
		expect(draft.shipping_tax_percent).toBe('19');
	});

	it('round-trip to what the core stores', () => {
		const prepared = preparePricing(pricingDraft(doc, 'de-DE'), 'de-DE');
		expect(prepared).toEqual({
			ok: true,
			pricing: {
				tax_mode: 'per_line',
				discount: { amount: '10' },
				shipping: '4.90',
				shipping_tax_rate: '0.19',
				lines: [item]
			}
		});
	});

	it('name the number that cannot be read as the core names it', () => {
		const draft = pricingDraft(doc, 'en-US');
		draft.lines.push({ ...emptyLine(), description: 'Service', unit_price: '12', quantity: 'two' });
		expect(preparePricing(draft, 'en-US')).toEqual({
			ok: false,
			error: { field: 'lines[1].quantity' }
		});
		expect(preparePricing({ ...pricingDraft(doc, 'en-US'), shipping: 'x' }, 'en-US')).toEqual({
			ok: false,
			error: { field: 'shipping' }
		});
	});

	it('leave a zero or empty discount out and an empty tax rate to the product', () => {
		const line = { ...emptyLine(), description: 'Beratung', unit_price: '100', discount: '0' };
		const prepared = preparePricing(
			{ ...pricingDraft({ ...doc, discount: null }, 'en-US'), lines: [line] },
			'en-US'
		);
		expect(prepared.ok && prepared.pricing.lines[0]).toMatchObject({
			discount: null,
			tax_rate: null
		});
		expect(prepared.ok && prepared.pricing.discount).toBeNull();
	});

	it('take a picked product at the price the core found', () => {
		const line = productLine(
			emptyLine(),
			{ id: 'p2', code: 'H-1', name: 'Hour', unit: 'h' },
			{
				product_id: 'p2',
				price_book_id: null,
				unit_price: '95.5',
				currency: 'EUR',
				tax_rate: '0.07',
				source: 'default_price'
			},
			'de-DE'
		);
		expect(line).toMatchObject({
			product_id: 'p2',
			description: 'Hour',
			unit_price: '95,5',
			tax_percent: '7'
		});
	});

	it('ask the core for totals only when every line has its price', () => {
		const ready = preparePricing(pricingDraft(doc, 'en-US'), 'en-US');
		expect(ready.ok && totalsInput('eur', ready.pricing)).toEqual({
			currency: 'EUR',
			tax_mode: 'per_line',
			lines: [
				{ quantity: '1000', unit_price: '0.125', discount: { percent: '5' }, tax_rate: '0.19' }
			],
			discount: { amount: '10' },
			shipping: '4.90',
			shipping_tax_rate: '0.19'
		});
		const waiting = preparePricing(
			{ ...pricingDraft(doc, 'en-US'), lines: [{ ...emptyLine(), product_id: 'p1' }] },
			'en-US'
		);
		expect(waiting.ok && totalsInput('EUR', waiting.pricing)).toBeNull();
		expect(lineDraft(item, 'en-US').key).not.toBe(lineDraft(item, 'en-US').key);
	});
});

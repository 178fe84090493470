import type { LineItem, QuoteVersion } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import { fieldLabel, inOrder, showLineValue, showValue } from './compare';

const line: LineItem = {
	product_id: 'p1',
	product_code: 'D-1',
	description: 'Drill',
	unit: 'pcs',
	quantity: '2',
	unit_price: '99.00',
	discount: { percent: '5' },
	tax_rate: '0.19'
};

function version(n: number): QuoteVersion {
	return {
		id: `q${n}`,
		number: 'Q-00001',
		version: n,
		status: 'sent',
		updated_at: '',
		currency: 'EUR',
		total: '1',
		superseded: false
	};
}

describe('quote comparison', () => {
	it('names the fields and keeps the core name of an unknown one', () => {
		expect(fieldLabel('terms')).toBe('Terms');
		expect(fieldLabel('something_new')).toBe('something_new');
	});

	it('shows header values: nothing, discounts, addresses and lists', () => {
		expect(showValue('terms', '', 'EUR')).toBe('—');
		expect(showValue('discount', null, 'EUR')).toBe('—');
		expect(showValue('discount', { percent: '5' }, 'EUR')).toBe('5 %');
		expect(
			showValue('billing_address', { street: 'Hauptstr. 1', city: 'Berlin', zip: '' }, 'EUR')
		).toBe('Hauptstr. 1, Berlin');
		expect(showValue('tags', ['a', 'b'], 'EUR')).toBe('a, b');
		expect(showValue('terms', '30 days net', 'EUR')).toBe('30 days net');
	});

	it('shows a line’s quantity exactly as the core gives it and nothing for a missing line', () => {
		expect(showLineValue('quantity', { ...line, quantity: '2.125' }, 'EUR')).toBe('2.125');
		expect(showLineValue('discount', line, 'EUR')).toBe('5 %');
		expect(showLineValue('unit_price', null, 'EUR')).toBe('—');
		expect(showLineValue('unit_price', { ...line, unit_price: null }, 'EUR')).toBe('—');
	});

	it('puts the earlier version first', () => {
		expect(inOrder(version(3), version(1)).map((v) => v.version)).toEqual([1, 3]);
		expect(inOrder(version(1), version(2)).map((v) => v.version)).toEqual([1, 2]);
	});
});

import type { PriceBook } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	emptyPriceBookInput,
	entryPrice,
	preparePriceBook,
	priceBookChanges,
	priceBookToInput
} from './priceBook';

const BOOK: PriceBook = {
	id: 'b1',
	created_at: '',
	updated_at: '',
	deleted_at: null,
	owner_id: null,
	name: 'Retail',
	currency: 'EUR',
	active: true,
	is_default: false,
	description: ''
};

describe('price book form', () => {
	it('sends only the changed fields, the currency in capitals', () => {
		const original = priceBookToInput(BOOK);
		expect(priceBookChanges(original, preparePriceBook({ ...original }))).toEqual({});
		const edited = preparePriceBook({ ...original, name: 'Retail 2027', currency: ' usd ' });
		expect(priceBookChanges(original, edited)).toEqual({ name: 'Retail 2027', currency: 'USD' });
		expect(priceBookChanges(original, { ...original, active: false, is_default: true })).toEqual({
			active: false,
			is_default: true
		});
	});

	it('starts a new book active, not the default, in the company currency', () => {
		expect(emptyPriceBookInput()).toEqual({
			name: '',
			currency: '',
			active: true,
			is_default: false,
			description: ''
		});
	});

	it('reads an entry price as exact decimal text in the locale', () => {
		expect(entryPrice('1.234,50', 'de-DE')).toBe('1234.50');
		expect(entryPrice('99.9', 'en-US')).toBe('99.9');
		expect(entryPrice('', 'en-US')).toBeNull();
		expect(entryPrice('ten', 'en-US')).toBeNull();
	});
});

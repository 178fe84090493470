import type { Product } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	draftFromProduct,
	emptyProductDraft,
	prepareProduct,
	productChanges,
	productToInput,
	shiftDecimal
} from './form';
import { DEFAULT_PRODUCT_QUERY, productListArgs } from './list';

const product: Product = {
	id: 'p1',
	created_at: '2026-11-29T10:00:00Z',
	updated_at: '2026-11-29T10:00:00Z',
	deleted_at: null,
	owner_id: null,
	code: 'SKU-1',
	name: 'Schraube M8',
	kind: 'product',
	unit: 'pcs',
	description: '',
	active: true,
	tax_rate: '0.19',
	default_price: '0.125',
	currency: 'EUR',
	tags: ['hardware']
};

describe('decimal point shifts', () => {
	it('moves percent to fraction and back digit by digit', () => {
		expect(shiftDecimal('19', 2)).toBe('0.19');
		expect(shiftDecimal('7.5', 2)).toBe('0.075');
		expect(shiftDecimal('100', 2)).toBe('1');
		expect(shiftDecimal('0', 2)).toBe('0');
		expect(shiftDecimal('0.19', -2)).toBe('19');
		expect(shiftDecimal('0.075', -2)).toBe('7.5');
		expect(shiftDecimal('0.333333', -2)).toBe('33.3333');
		expect(shiftDecimal('1', -2)).toBe('100');
		expect(shiftDecimal('-0.05', -2)).toBe('-5');
	});
});

describe('product form', () => {
	it('shows the tax rate as percent in the locale and stores it as a fraction', () => {
		const draft = draftFromProduct(product, 'de-DE');
		expect(draft.tax_percent).toBe('19');
		expect(draft.default_price).toBe('0,125');
		const prepared = prepareProduct({ ...draft, tax_percent: '7,5 %' }, 'de-DE');
		expect(prepared).toMatchObject({
			ok: true,
			input: { tax_rate: '0.075', default_price: '0.125' }
		});
	});

	it('names the number it cannot read', () => {
		expect(prepareProduct({ ...emptyProductDraft(), tax_percent: 'abc' }, 'en-US')).toEqual({
			ok: false,
			field: 'tax_rate'
		});
		expect(prepareProduct({ ...emptyProductDraft(), default_price: '12x' }, 'en-US')).toEqual({
			ok: false,
			field: 'default_price'
		});
	});

	it('sends only what changed, numbers by value', () => {
		const original = productToInput(product);
		const prepared = prepareProduct(draftFromProduct(product, 'en-US'), 'en-US');
		expect(prepared.ok && productChanges(original, prepared.input)).toEqual({});
		const edited = prepareProduct(
			{ ...draftFromProduct(product, 'en-US'), name: 'Schraube M10', default_price: '0.15' },
			'en-US'
		);
		expect(edited.ok && productChanges(original, edited.input)).toEqual({
			name: 'Schraube M10',
			default_price: '0.15'
		});
	});

	it('asks for a page with the active filter', () => {
		expect(
			productListArgs({ ...DEFAULT_PRODUCT_QUERY, active: true, q: ' m8 ' }, null, 50)
		).toEqual({
			sort: 'name',
			desc: false,
			after: null,
			limit: 50,
			q: 'm8',
			active: true
		});
	});
});

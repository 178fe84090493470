import type { Quote } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import { draftFromQuote, emptyQuoteDraft, keptOf, prepareQuote, quoteChanges } from './form';
import { DEFAULT_QUOTE_QUERY, nextQuoteStatuses, quoteListArgs } from './list';

const totals = {
	currency: 'EUR',
	tax_mode: 'per_line' as const,
	lines: [],
	rates: [],
	subtotal: '100.00',
	discount: '0.00',
	shipping: '0.00',
	shipping_tax: '0.00',
	net: '100.00',
	tax: '19.00',
	total: '119.00'
};

const quote: Quote = {
	id: 'q1',
	created_at: '2026-11-29T10:00:00Z',
	updated_at: '2026-11-29T10:00:00Z',
	deleted_at: null,
	owner_id: null,
	number: 'Q-00001',
	status: 'draft',
	totals,
	subject: 'Fit-out',
	account_id: 'a1',
	contact_id: null,
	opportunity_id: null,
	valid_until: '2026-12-31',
	currency: 'EUR',
	price_book_id: null,
	tax_mode: 'per_line',
	discount: null,
	shipping: '0',
	shipping_tax_rate: '0.190',
	billing_address: { street: 'Hauptstr. 1', city: 'Köln' } as Quote['billing_address'],
	shipping_address: null,
	terms: 'Net 30',
	lines: [
		{
			product_id: null,
			product_code: '',
			description: 'Beratung',
			unit: 'h',
			quantity: '1',
			unit_price: '100',
			discount: null,
			tax_rate: '0.190'
		}
	],
	tags: ['fair']
};

describe('quote form', () => {
	it('has no changes right after loading, even where the core writes 0.190 for 19 %', () => {
		const draft = draftFromQuote(quote, 'de-DE');
		const original = prepareQuote(draft, keptOf(quote), 'de-DE');
		const again = prepareQuote(draftFromQuote(quote, 'de-DE'), keptOf(quote), 'de-DE');
		expect(original.ok && again.ok && quoteChanges(original.input, again.input)).toEqual({});
	});

	it('sends the edited fields, keeping the addresses and tags it does not edit', () => {
		const draft = draftFromQuote(quote, 'en-US');
		const original = prepareQuote(draft, keptOf(quote), 'en-US');
		draft.terms = 'Net 14';
		draft.pricing.lines[0]!.quantity = '2';
		const edited = prepareQuote(draft, keptOf(quote), 'en-US');
		const changes = original.ok && edited.ok ? quoteChanges(original.input, edited.input) : null;
		expect(Object.keys(changes ?? {}).sort()).toEqual(['lines', 'terms']);
		expect(edited.ok && edited.input.tags).toEqual(['fair']);
		expect(edited.ok && edited.input.billing_address).toEqual(quote.billing_address);
	});

	it('starts a new quote for an opportunity with nothing else filled in', () => {
		const draft = emptyQuoteDraft('o1');
		const prepared = prepareQuote(draft, keptOf(null), 'en-US');
		expect(prepared).toMatchObject({
			ok: true,
			input: { opportunity_id: 'o1', lines: [], currency: '', valid_until: null }
		});
	});

	it('offers draft → sent → accepted, rejected or expired, and nothing after', () => {
		expect(nextQuoteStatuses('draft')).toEqual(['sent']);
		expect(nextQuoteStatuses('sent')).toEqual(['accepted', 'rejected', 'expired']);
		expect(nextQuoteStatuses('accepted')).toEqual([]);
		expect(quoteListArgs({ ...DEFAULT_QUOTE_QUERY, status: 'sent' }, null, 20)).toEqual({
			desc: true,
			after: null,
			limit: 20,
			q: '',
			status: 'sent'
		});
	});
});

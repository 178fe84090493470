import type { Quote } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	documentChanges,
	draftFromDocument,
	emptyDocumentDraft,
	keptOf,
	prepareDocument,
	type DocumentRecord
} from './form';
import { INVOICE, ORDER, QUOTE } from './kinds';
import { DEFAULT_DOCUMENT_QUERY, documentFilterFields, documentListArgs } from './list';

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
	version: 1,
	revision_of: null,
	totals,
	subject: 'Fit-out',
	account_id: 'a1',
	contact_id: null,
	opportunity_id: 'o1',
	valid_until: '2026-12-31',
	currency: 'EUR',
	price_book_id: null,
	tax_mode: 'per_line',
	discount: null,
	shipping: '0',
	shipping_tax_rate: '0.190',
	billing_address: {
		label: '',
		street: 'Hauptstr. 1',
		city: 'Köln',
		region: '',
		postal_code: '50667',
		country: 'DE'
	},
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
const record = quote as unknown as DocumentRecord;

describe('document form', () => {
	it('has no changes right after loading, even where the core writes 0.190 for 19 %', () => {
		const prepare = () =>
			prepareDocument(draftFromDocument(record, QUOTE.extraKeys, 'de-DE'), keptOf(record), 'de-DE');
		const [a, b] = [prepare(), prepare()];
		expect(a.ok && b.ok && documentChanges(a.input, b.input)).toEqual({});
	});

	it('sends the edited fields, keeping the links, addresses and tags it does not edit', () => {
		const draft = draftFromDocument(record, QUOTE.extraKeys, 'en-US');
		const original = prepareDocument(draft, keptOf(record), 'en-US');
		draft.terms = 'Net 14';
		draft.pricing.lines[0]!.quantity = '2';
		const edited = prepareDocument(draft, keptOf(record), 'en-US');
		const changes = original.ok && edited.ok ? documentChanges(original.input, edited.input) : null;
		expect(Object.keys(changes ?? {}).sort()).toEqual(['lines', 'terms']);
		expect(edited.ok && edited.input).toMatchObject({
			opportunity_id: 'o1',
			valid_until: '2026-12-31',
			tags: ['fair'],
			billing_address: quote.billing_address
		});
	});

	it('starts a new document with its own fields given and nothing else filled in', () => {
		const prepared = prepareDocument(
			emptyDocumentDraft({ opportunity_id: 'o1', valid_until: null }),
			keptOf(null),
			'en-US'
		);
		expect(prepared).toMatchObject({
			ok: true,
			input: { opportunity_id: 'o1', lines: [], currency: '', valid_until: null }
		});
	});
});

describe('document kinds', () => {
	it('offer the status steps the core allows', () => {
		expect(QUOTE.steps('draft').map((s) => s.status)).toEqual(['sent']);
		expect(QUOTE.steps('sent').map((s) => s.status)).toEqual(['accepted', 'rejected', 'expired']);
		expect(QUOTE.steps('accepted')).toEqual([]);
		expect(ORDER.steps('confirmed').map((s) => s.status)).toEqual(['delivered', 'cancelled']);
		expect(INVOICE.steps('draft').map((s) => s.status)).toEqual(['issued']);
		expect(INVOICE.steps('paid')).toEqual([]);
	});

	it('lead from an accepted quote to an order or invoice, and from an order to an invoice', () => {
		expect(QUOTE.followUps('sent')).toEqual([]);
		expect(QUOTE.followUps('accepted').map((f) => f.kind)).toEqual(['order', 'invoice']);
		expect(ORDER.followUps('draft')).toEqual([]);
		expect(ORDER.followUps('confirmed').map((f) => f.kind)).toEqual(['invoice']);
	});

	it('list newest first with a status chip and the filters each kind has', () => {
		expect(documentListArgs({ ...DEFAULT_DOCUMENT_QUERY, status: 'sent' }, null, 20)).toEqual({
			desc: true,
			after: null,
			limit: 20,
			q: '',
			status: 'sent'
		});
		expect(documentFilterFields('invoice').map((f) => f.id)).toContain('order_id');
		expect(documentFilterFields('quote').map((f) => f.id)).toContain('valid_until');
	});
});

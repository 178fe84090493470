// A sales document's form (quote, order, invoice): the draft as typed, the input for the core,
// and the changed fields. Pricing (lines, discounts, shipping, tax mode) goes through lines.ts;
// the fields a kind of document adds (its links, a validity date, payment terms) travel in
// `extra` as the core gave them, and a kind's form edits the few it offers.
import type { Address, LineItem, TaxMode, Totals } from '$lib/bindings';
import type { Discount } from '$lib/bindings';
import { preparePricing, pricingDraft, type NumberError, type PricingDraft } from './lines';

/** What every sales document has, as the core returns it. */
export interface DocumentRecord {
	id: string;
	number: string | null;
	status: string;
	totals: Totals;
	deleted_at: string | null;
	updated_at: string;
	subject: string;
	account_id: string | null;
	contact_id: string | null;
	currency: string;
	price_book_id: string | null;
	tax_mode: TaxMode;
	discount: Discount | null;
	shipping: string;
	shipping_tax_rate: string;
	billing_address: Address | null;
	shipping_address: Address | null;
	terms: string;
	lines: LineItem[];
	tags: string[];
}

/** The input fields every sales document takes. */
export interface DocumentInput {
	subject: string;
	account_id: string | null;
	contact_id: string | null;
	currency: string;
	price_book_id: string | null;
	tax_mode: TaxMode;
	discount: Discount | null;
	shipping: string;
	shipping_tax_rate: string;
	billing_address: Address | null;
	shipping_address: Address | null;
	terms: string;
	lines: LineItem[];
	tags: string[];
	[extra: string]: unknown;
}

export interface DocumentDraft {
	subject: string;
	account_id: string | null;
	contact_id: string | null;
	price_book_id: string | null;
	terms: string;
	/** The kind's own input fields (links, valid_until, payment_terms_days). */
	extra: Record<string, unknown>;
	pricing: PricingDraft;
}

export function emptyDocumentDraft(extra: Record<string, unknown> = {}): DocumentDraft {
	return {
		subject: '',
		account_id: null,
		contact_id: null,
		price_book_id: null,
		terms: '',
		extra,
		pricing: {
			currency: '',
			tax_mode: 'per_line',
			discount_kind: 'percent',
			discount: '',
			shipping: '',
			shipping_tax_percent: '',
			lines: []
		}
	};
}

/** The draft of a stored document; `extraKeys` are the kind's own input fields. */
export function draftFromDocument(
	doc: DocumentRecord,
	extraKeys: readonly string[],
	locale: string
): DocumentDraft {
	const record = doc as unknown as Record<string, unknown>;
	return {
		subject: doc.subject,
		account_id: doc.account_id,
		contact_id: doc.contact_id,
		price_book_id: doc.price_book_id,
		terms: doc.terms,
		extra: Object.fromEntries(extraKeys.map((k) => [k, record[k] ?? null])),
		pricing: pricingDraft(doc, locale)
	};
}

/** What the form keeps of a stored document: its addresses and tags are not edited here. */
export type DocumentKept = Pick<DocumentInput, 'billing_address' | 'shipping_address' | 'tags'>;

export function keptOf(doc: DocumentRecord | null): DocumentKept {
	return {
		billing_address: doc?.billing_address ?? null,
		shipping_address: doc?.shipping_address ?? null,
		tags: doc?.tags ?? []
	};
}

/** The document input for the draft, or the first number that cannot be read. */
export function prepareDocument(
	draft: DocumentDraft,
	kept: DocumentKept,
	locale: string
): { ok: true; input: DocumentInput } | { ok: false; error: NumberError } {
	const pricing = preparePricing(draft.pricing, locale);
	if (!pricing.ok) return pricing;
	return {
		ok: true,
		input: {
			...draft.extra,
			subject: draft.subject,
			account_id: draft.account_id,
			contact_id: draft.contact_id,
			currency: draft.pricing.currency.trim().toUpperCase(),
			price_book_id: draft.price_book_id,
			terms: draft.terms,
			...pricing.pricing,
			...kept
		}
	};
}

/** The fields of `current` that differ from `original` (both prepared the same way). */
export function documentChanges(
	original: DocumentInput,
	current: DocumentInput
): Partial<DocumentInput> {
	const changes: Partial<DocumentInput> = {};
	for (const key of Object.keys(current)) {
		if (JSON.stringify(original[key]) !== JSON.stringify(current[key])) changes[key] = current[key];
	}
	return changes;
}

// The quote form: the draft as typed, the QuoteInput for the core, and the changed fields.
// Pricing (lines, discounts, shipping, tax mode) goes through documents/lines.ts.
import type { Quote, QuoteInput } from '$lib/bindings';
import {
	preparePricing,
	pricingDraft,
	type NumberError,
	type PricingDraft
} from '$lib/documents/lines';

export interface QuoteDraft {
	subject: string;
	account_id: string | null;
	contact_id: string | null;
	opportunity_id: string | null;
	valid_until: string;
	price_book_id: string | null;
	terms: string;
	pricing: PricingDraft;
}

export function emptyQuoteDraft(opportunityId: string | null = null): QuoteDraft {
	return {
		subject: '',
		account_id: null,
		contact_id: null,
		opportunity_id: opportunityId,
		valid_until: '',
		price_book_id: null,
		terms: '',
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

export function draftFromQuote(q: Quote, locale: string): QuoteDraft {
	return {
		subject: q.subject,
		account_id: q.account_id,
		contact_id: q.contact_id,
		opportunity_id: q.opportunity_id,
		valid_until: q.valid_until ?? '',
		price_book_id: q.price_book_id,
		terms: q.terms,
		pricing: pricingDraft(q, locale)
	};
}

/** What the form keeps of a stored quote: its addresses and tags are not edited here. */
export type QuoteKept = Pick<QuoteInput, 'billing_address' | 'shipping_address' | 'tags'>;

export function keptOf(q: Quote | null): QuoteKept {
	return {
		billing_address: q?.billing_address ?? null,
		shipping_address: q?.shipping_address ?? null,
		tags: q?.tags ?? []
	};
}

/** The QuoteInput for the draft, or the first number that cannot be read. */
export function prepareQuote(
	draft: QuoteDraft,
	kept: QuoteKept,
	locale: string
): { ok: true; input: QuoteInput } | { ok: false; error: NumberError } {
	const pricing = preparePricing(draft.pricing, locale);
	if (!pricing.ok) return pricing;
	return {
		ok: true,
		input: {
			subject: draft.subject,
			account_id: draft.account_id,
			contact_id: draft.contact_id,
			opportunity_id: draft.opportunity_id,
			valid_until: draft.valid_until === '' ? null : draft.valid_until,
			currency: draft.pricing.currency.trim().toUpperCase(),
			price_book_id: draft.price_book_id,
			terms: draft.terms,
			...pricing.pricing,
			...kept
		}
	};
}

/** The fields of `current` that differ from `original` (both prepared the same way). */
export function quoteChanges(original: QuoteInput, current: QuoteInput): Partial<QuoteInput> {
	const changes: Partial<QuoteInput> = {};
	for (const key of Object.keys(current) as (keyof QuoteInput)[]) {
		if (JSON.stringify(original[key]) !== JSON.stringify(current[key])) {
			(changes as Record<string, unknown>)[key] = current[key];
		}
	}
	return changes;
}

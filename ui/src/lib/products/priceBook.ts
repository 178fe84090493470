// The price book form: the book's draft and the PriceBookInput for the core with the changed
// fields, and a price typed for an entry read as exact decimal text in the user's locale.
import type { PriceBook, PriceBookInput } from '$lib/bindings';
import { parseAmount } from '$lib/opportunities/money';

export function emptyPriceBookInput(): PriceBookInput {
	return { name: '', currency: '', active: true, is_default: false, description: '' };
}

export function priceBookToInput(b: PriceBook): PriceBookInput {
	return {
		name: b.name,
		currency: b.currency,
		active: b.active,
		is_default: b.is_default,
		description: b.description
	};
}

/** The input as sent: the currency in capitals (empty takes the company's default). */
export function preparePriceBook(draft: PriceBookInput): PriceBookInput {
	return { ...draft, currency: draft.currency.trim().toUpperCase() };
}

/** The fields of `current` that differ from `original`. */
export function priceBookChanges(
	original: PriceBookInput,
	current: PriceBookInput
): Partial<PriceBookInput> {
	const changes: Partial<PriceBookInput> = {};
	for (const key of Object.keys(current) as (keyof PriceBookInput)[]) {
		if (current[key] !== original[key]) (changes as Record<string, unknown>)[key] = current[key];
	}
	return changes;
}

/** A price as typed for an entry: decimal text for price_book_entry_set, or null when unreadable. */
export function entryPrice(text: string, locale: string): string | null {
	const parsed = parseAmount(text, locale);
	return parsed.ok && parsed.value !== null ? parsed.value : null;
}

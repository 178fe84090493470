// The product form: the draft as typed, the ProductInput for the core, and the changed fields.
// Prices and tax rates stay decimal text: a rate shown as "19" (%) is stored as "0.19", moved
// digit by digit, never through floating point.
import type { Product, ProductInput, ProductKind } from '$lib/bindings';
import { parseTags } from '$lib/contacts/form';
import { amountForInput, parseAmount } from '$lib/opportunities/money';
import { sameDecimal } from '$lib/opportunities/form';

export interface ProductDraft {
	code: string;
	name: string;
	kind: ProductKind;
	unit: string;
	description: string;
	active: boolean;
	/** Percent as typed: "19", "7,5". */
	tax_percent: string;
	default_price: string;
	currency: string;
	tags: string;
}

export function emptyProductDraft(): ProductDraft {
	return {
		code: '',
		name: '',
		kind: 'product',
		unit: 'pcs',
		description: '',
		active: true,
		tax_percent: '0',
		default_price: '',
		currency: '',
		tags: ''
	};
}

/** Moves the decimal point of a plain decimal text `places` to the left (negative: right). */
export function shiftDecimal(value: string, places: number): string {
	const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
	if (!m) return value;
	const digits = (m[2] ?? '') + (m[3] ?? '');
	let point = (m[2] ?? '').length - places;
	let padded = digits;
	if (point <= 0) {
		padded = '0'.repeat(1 - point) + digits;
		point = 1;
	} else if (point > padded.length) {
		padded = padded + '0'.repeat(point - padded.length);
	}
	const integer = padded.slice(0, point).replace(/^0+(?=\d)/, '');
	const fraction = padded.slice(point).replace(/0+$/, '');
	const text = fraction ? `${integer}.${fraction}` : integer;
	return m[1] === '-' && /[1-9]/.test(text) ? `-${text}` : text;
}

export function productToInput(p: Product): ProductInput {
	return {
		code: p.code,
		name: p.name,
		kind: p.kind,
		unit: p.unit,
		description: p.description,
		active: p.active,
		tax_rate: p.tax_rate,
		default_price: p.default_price,
		currency: p.currency,
		tags: p.tags
	};
}

export function draftFromProduct(p: Product, locale: string): ProductDraft {
	return {
		code: p.code,
		name: p.name,
		kind: p.kind,
		unit: p.unit,
		description: p.description,
		active: p.active,
		tax_percent: amountForInput(shiftDecimal(p.tax_rate, -2), locale),
		default_price: amountForInput(p.default_price, locale),
		currency: p.currency,
		tags: p.tags.join(', ')
	};
}

export type PreparedProduct =
	{ ok: true; input: ProductInput } | { ok: false; field: 'tax_rate' | 'default_price' };

/** The ProductInput for the draft, or which typed number could not be read. */
export function prepareProduct(draft: ProductDraft, locale: string): PreparedProduct {
	const percent = parseAmount(draft.tax_percent.replace(/%\s*$/, ''), locale);
	if (!percent.ok) return { ok: false, field: 'tax_rate' };
	const price = parseAmount(draft.default_price, locale);
	if (!price.ok) return { ok: false, field: 'default_price' };
	return {
		ok: true,
		input: {
			code: draft.code,
			name: draft.name,
			kind: draft.kind,
			unit: draft.unit,
			description: draft.description,
			active: draft.active,
			tax_rate: shiftDecimal(percent.value ?? '0', 2),
			default_price: price.value,
			currency: draft.currency.trim().toUpperCase(),
			tags: parseTags(draft.tags)
		}
	};
}

/** The changed fields for product_update; numbers compare by value. */
export function productChanges(
	original: ProductInput,
	current: ProductInput
): Partial<ProductInput> {
	const changes: Partial<ProductInput> = {};
	for (const key of Object.keys(current) as (keyof ProductInput)[]) {
		const a = original[key];
		const b = current[key];
		const same =
			key === 'tax_rate' || key === 'default_price'
				? sameDecimal(a as string | null, b as string | null)
				: JSON.stringify(a) === JSON.stringify(b);
		if (!same) (changes as Record<string, unknown>)[key] = b;
	}
	return changes;
}

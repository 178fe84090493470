// The line items of a document (an opportunity's lines, a quote, an order, an invoice) as the user
// types them, and what the core takes: LineItem for storing, TotalsInput for showing the totals
// while editing. Numbers are typed in the user's locale and moved to decimal text digit by digit;
// tax rates and percent discounts are typed in percent and stored as fractions / percent text.
// The core computes every total; nothing here adds money up.
import type { Discount, LineItem, Price, TaxMode, TotalsInput } from '$lib/bindings';
import { amountForInput, parseAmount } from '$lib/opportunities/money';
import { shiftDecimal } from '$lib/products/form';

export type DiscountKind = 'percent' | 'amount';

export interface LineDraft {
	/** Keeps a row's identity while lines are added and removed. */
	key: number;
	product_id: string | null;
	product_code: string;
	description: string;
	unit: string;
	quantity: string;
	unit_price: string;
	discount_kind: DiscountKind;
	discount: string;
	/** Percent as typed. */
	tax_percent: string;
}

/** What a document's pricing needs besides its lines. */
export interface PricingDraft {
	currency: string;
	tax_mode: TaxMode;
	discount_kind: DiscountKind;
	discount: string;
	shipping: string;
	shipping_tax_percent: string;
	lines: LineDraft[];
}

let nextKey = 1;

export function emptyLine(): LineDraft {
	return {
		key: nextKey++,
		product_id: null,
		product_code: '',
		description: '',
		unit: '',
		quantity: '1',
		unit_price: '',
		discount_kind: 'percent',
		discount: '',
		tax_percent: ''
	};
}

/** The line for a product picked from the catalog, at the price the core found for it. */
export function productLine(
	line: LineDraft,
	product: { id: string; code: string; name: string; unit: string },
	price: Price,
	locale: string
): LineDraft {
	return {
		...line,
		product_id: product.id,
		product_code: product.code,
		description: product.name,
		unit: product.unit,
		unit_price: amountForInput(price.unit_price, locale),
		tax_percent: amountForInput(shiftDecimal(price.tax_rate, -2), locale)
	};
}

function discountDraft(discount: Discount | null, locale: string): [DiscountKind, string] {
	if (discount === null) return ['percent', ''];
	if ('percent' in discount) return ['percent', amountForInput(discount.percent, locale)];
	return ['amount', amountForInput(discount.amount, locale)];
}

export function lineDraft(item: LineItem, locale: string): LineDraft {
	const [discount_kind, discount] = discountDraft(item.discount, locale);
	return {
		key: nextKey++,
		product_id: item.product_id,
		product_code: item.product_code,
		description: item.description,
		unit: item.unit,
		quantity: amountForInput(item.quantity, locale),
		unit_price: amountForInput(item.unit_price, locale),
		discount_kind,
		discount,
		tax_percent:
			item.tax_rate === null ? '' : amountForInput(shiftDecimal(item.tax_rate, -2), locale)
	};
}

export function pricingDraft(
	doc: {
		currency: string;
		tax_mode: TaxMode;
		discount: Discount | null;
		shipping: string;
		shipping_tax_rate: string;
		lines: LineItem[];
	},
	locale: string
): PricingDraft {
	const [discount_kind, discount] = discountDraft(doc.discount, locale);
	return {
		currency: doc.currency,
		tax_mode: doc.tax_mode,
		discount_kind,
		discount,
		shipping: amountForInput(doc.shipping, locale),
		shipping_tax_percent: amountForInput(shiftDecimal(doc.shipping_tax_rate, -2), locale),
		lines: doc.lines.map((l) => lineDraft(l, locale))
	};
}

export interface PreparedPricing {
	tax_mode: TaxMode;
	discount: Discount | null;
	shipping: string;
	shipping_tax_rate: string;
	lines: LineItem[];
}

/** A number the user typed that cannot be read, named as the core names fields. */
export interface NumberError {
	field: string;
}

function number(text: string, locale: string, field: string): string | null | NumberError {
	const parsed = parseAmount(text.replace(/%\s*$/, ''), locale);
	return parsed.ok ? parsed.value : { field };
}

function isError(v: unknown): v is NumberError {
	return typeof v === 'object' && v !== null && 'field' in v;
}

function discountOf(kind: DiscountKind, value: string | null): Discount | null {
	if (value === null || /^-?0*(\.0*)?$/.test(value)) return null;
	return kind === 'percent' ? { percent: value } : { amount: value };
}

/** The document's pricing as the core stores it, or the first number that cannot be read. */
export function preparePricing(
	draft: PricingDraft,
	locale: string
): { ok: true; pricing: PreparedPricing } | { ok: false; error: NumberError } {
	const lines: LineItem[] = [];
	for (const [i, l] of draft.lines.entries()) {
		const quantity = number(l.quantity, locale, `lines[${i}].quantity`);
		const price = number(l.unit_price, locale, `lines[${i}].unit_price`);
		const discount = number(l.discount, locale, `lines[${i}].discount`);
		const tax = number(l.tax_percent, locale, `lines[${i}].tax_rate`);
		for (const v of [quantity, price, discount, tax])
			if (isError(v)) return { ok: false, error: v };
		lines.push({
			product_id: l.product_id,
			product_code: l.product_code,
			description: l.description,
			unit: l.unit,
			quantity: (quantity as string | null) ?? '0',
			unit_price: price as string | null,
			discount: discountOf(l.discount_kind, discount as string | null),
			tax_rate: tax === null ? null : shiftDecimal(tax as string, 2)
		});
	}
	const discount = number(draft.discount, locale, 'discount');
	const shipping = number(draft.shipping, locale, 'shipping');
	const shippingTax = number(draft.shipping_tax_percent, locale, 'shipping_tax_rate');
	for (const v of [discount, shipping, shippingTax]) if (isError(v)) return { ok: false, error: v };
	return {
		ok: true,
		pricing: {
			tax_mode: draft.tax_mode,
			discount: discountOf(draft.discount_kind, discount as string | null),
			shipping: (shipping as string | null) ?? '0',
			shipping_tax_rate: shiftDecimal((shippingTax as string | null) ?? '0', 2),
			lines
		}
	};
}

/**
 * What totals_compute takes for the pricing shown, or null while a line still waits for its price
 * (the core prices a product line from the price book when it is stored).
 */
export function totalsInput(currency: string, pricing: PreparedPricing): TotalsInput | null {
	if (currency.trim() === '') return null;
	const lines = [];
	for (const l of pricing.lines) {
		if (l.unit_price === null) return null;
		lines.push({
			quantity: l.quantity,
			unit_price: l.unit_price,
			discount: l.discount,
			tax_rate: l.tax_rate ?? '0'
		});
	}
	return {
		currency: currency.trim().toUpperCase(),
		tax_mode: pricing.tax_mode,
		lines,
		discount: pricing.discount,
		shipping: pricing.shipping,
		shipping_tax_rate: pricing.shipping_tax_rate
	};
}

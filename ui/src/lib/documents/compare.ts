// The comparison of two quote versions as shown: the core computes the differences; these name
// the fields and show their values (decimals as the core gives them, never through floats).
import type { LineItem, QuoteVersion } from '$lib/bindings';
import { formatMoney, formatPercent } from '$lib/format';
import { t, type MessageKey } from '$lib/i18n';

const FIELD_LABELS: Record<string, MessageKey> = {
	subject: 'documents.field.subject',
	account_id: 'documents.field.account',
	contact_id: 'documents.field.contact',
	opportunity_id: 'documents.field.opportunity',
	valid_until: 'documents.field.validUntil',
	currency: 'documents.field.currency',
	price_book_id: 'documents.field.priceBook',
	tax_mode: 'documents.taxMode',
	discount: 'documents.discount',
	shipping: 'documents.shipping',
	shipping_tax_rate: 'documents.shippingTax',
	billing_address: 'quotes.compare.billingAddress',
	shipping_address: 'quotes.compare.shippingAddress',
	terms: 'documents.field.terms',
	tags: 'quotes.compare.tags',
	quantity: 'quotes.compare.quantity',
	unit_price: 'quotes.compare.unitPrice',
	tax_rate: 'quotes.compare.taxRate',
	unit: 'quotes.compare.unit',
	description: 'quotes.compare.description'
};

/** A header or line field's name for the user (the core's name when there is no label). */
export function fieldLabel(field: string): string {
	const label = FIELD_LABELS[field];
	return label ? t(label) : field;
}

const NONE = '—';

function discountText(value: unknown, currency: string): string | null {
	if (value === null || typeof value !== 'object') return null;
	const d = value as { percent?: string; amount?: string };
	if (typeof d.percent === 'string') return `${d.percent} %`;
	if (typeof d.amount === 'string') return formatMoney(d.amount, currency);
	return null;
}

/** A header value as stored, shown: money and rates formatted, addresses and lists joined. */
export function showValue(field: string, value: unknown, currency: string): string {
	if (value === null || value === undefined || value === '') return NONE;
	if (field === 'discount') return discountText(value, currency) ?? NONE;
	if (field === 'shipping' && typeof value === 'string') return formatMoney(value, currency);
	if (field === 'shipping_tax_rate' && typeof value === 'string') return formatPercent(value);
	if (Array.isArray(value)) return value.length === 0 ? NONE : value.join(', ');
	if (typeof value === 'object') {
		const parts = Object.values(value as Record<string, unknown>).filter(
			(v) => typeof v === 'string' && v.trim() !== ''
		);
		return parts.length === 0 ? NONE : parts.join(', ');
	}
	return String(value);
}

/** One field of a line (quantity, unit price, discount, tax rate, unit, description), shown. */
export function showLineValue(field: string, line: LineItem | null, currency: string): string {
	if (line === null) return NONE;
	switch (field) {
		case 'quantity':
			return line.quantity;
		case 'unit_price':
			return line.unit_price === null ? NONE : formatMoney(line.unit_price, currency);
		case 'discount':
			return discountText(line.discount, currency) ?? NONE;
		case 'tax_rate':
			return line.tax_rate === null ? NONE : formatPercent(line.tax_rate);
		case 'unit':
			return line.unit || NONE;
		case 'description':
			return line.description || NONE;
		default:
			return NONE;
	}
}

/** The fields shown for an added or removed line. */
export const LINE_FIELDS = ['quantity', 'unit_price', 'discount', 'tax_rate'] as const;

/** The two versions in order: the earlier one first, so the differences read as what changed. */
export function inOrder(a: QuoteVersion, b: QuoteVersion): [QuoteVersion, QuoteVersion] {
	return a.version <= b.version ? [a, b] : [b, a];
}

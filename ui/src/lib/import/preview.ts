// The rehearsal's first accounts, leads and products as a table: which columns each kind shows
// and its cells as text (money and rates as the core gave them, only formatted).
import type {
	AccountInput,
	ImportReport,
	LeadInput,
	LeadStatus,
	ListTarget,
	ProductInput
} from '$lib/bindings';
import { formatMoney, formatPercent } from '$lib/format';
import { t, type MessageKey } from '$lib/i18n';

type Stored = ImportReport['preview_records'][number];

export interface PreviewTable {
	headers: MessageKey[];
	rows: string[][];
}

const HEADERS: Record<Exclude<ListTarget, 'contact'>, MessageKey[]> = {
	account: [
		'import.preview.name',
		'import.preview.type',
		'import.preview.email',
		'import.preview.phone',
		'import.preview.city',
		'import.preview.tags'
	],
	lead: [
		'import.preview.name',
		'import.preview.company',
		'import.preview.email',
		'import.preview.phone',
		'import.preview.status',
		'import.preview.source'
	],
	product: [
		'import.preview.code',
		'import.preview.name',
		'import.preview.unit',
		'import.preview.price',
		'import.preview.taxRate',
		'import.preview.active'
	]
};

function accountCells(a: AccountInput): string[] {
	return [
		a.name,
		t(`accounts.type.${a.account_type}`),
		a.emails[0]?.value ?? '',
		a.phones[0]?.value ?? '',
		a.billing_address?.city ?? '',
		a.tags.join(', ')
	];
}

function leadCells(l: LeadInput & { status: LeadStatus }): string[] {
	return [
		[l.first_name, l.last_name].filter((p) => p !== '').join(' '),
		l.company,
		l.emails[0]?.value ?? '',
		l.phones[0]?.value ?? '',
		t(`leads.status.${l.status}`),
		t(`leads.source.${l.source}`)
	];
}

function productCells(p: ProductInput, locale: string): string[] {
	return [
		p.code,
		p.name,
		p.unit,
		formatMoney(p.default_price, p.currency, locale),
		formatPercent(p.tax_rate, locale),
		t(p.active ? 'import.preview.yes' : 'import.preview.no')
	];
}

/** The table of the records a rehearsal of a non-contact import would store. */
export function previewTable(
	target: Exclude<ListTarget, 'contact'>,
	records: readonly Stored[],
	locale: string
): PreviewTable {
	const rows = records.map((r) => {
		switch (target) {
			case 'account':
				return accountCells(r as AccountInput);
			case 'lead':
				return leadCells(r as LeadInput & { status: LeadStatus });
			case 'product':
				return productCells(r as ProductInput, locale);
		}
	});
	return { headers: HEADERS[target], rows };
}

// The lists of sales documents (quotes, orders, invoices), newest number first: the common list
// query with a status chip, its arguments for quote_list / order_list / invoice_list, the
// statuses each kind shows and the fields it can be filtered by.
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type FilterArgs, type ListQuery } from '$lib/list/query';
import type { DocumentKindName } from './kinds';

export interface DocumentQuery extends ListQuery {
	status: string | null;
}

/** Newest first: numbers follow the order documents were made in. */
export const DEFAULT_DOCUMENT_QUERY: DocumentQuery = {
	...BASE_QUERY,
	sort: 'number',
	desc: true,
	status: null
};

export const DOCUMENT_STATUSES: Record<DocumentKindName, readonly string[]> = {
	quote: ['draft', 'sent', 'accepted', 'rejected', 'expired'],
	order: ['draft', 'confirmed', 'delivered', 'cancelled'],
	invoice: ['draft', 'issued', 'partly_paid', 'paid', 'void']
};

export interface DocumentListArgs extends FilterArgs {
	desc: boolean;
	after: string | null;
	limit: number;
	status: string | null;
}

export function documentListArgs(
	query: DocumentQuery,
	after: string | null,
	limit: number
): DocumentListArgs {
	return { desc: query.desc, after, limit, ...filterArgs(query), status: query.status };
}

/** The fields the core filters each kind of document by. */
export function documentFilterFields(kind: DocumentKindName): FilterField[] {
	const common: FilterField[] = [
		{ id: 'currency', label: 'documents.field.currency' },
		{ id: 'account_id', label: 'documents.field.account', kind: 'link' },
		{ id: 'contact_id', label: 'documents.field.contact', kind: 'link' }
	];
	if (kind === 'quote') {
		return [
			...common,
			{ id: 'valid_until', label: 'documents.field.validUntil' },
			{ id: 'opportunity_id', label: 'documents.field.opportunity', kind: 'link' }
		];
	}
	if (kind === 'order') {
		return [
			...common,
			{ id: 'quote_id', label: 'documents.field.quote', kind: 'link' },
			{ id: 'opportunity_id', label: 'documents.field.opportunity', kind: 'link' }
		];
	}
	return [
		...common,
		{ id: 'quote_id', label: 'documents.field.quote', kind: 'link' },
		{ id: 'order_id', label: 'documents.field.order', kind: 'link' }
	];
}

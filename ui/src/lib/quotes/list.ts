// The quotes list query (the common list query and a status chip) and its arguments for
// quote_list, which lists quotes by number.
import type { QuoteListQuery, QuoteStatus } from '$lib/bindings';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export const QUOTE_STATUSES: readonly QuoteStatus[] = [
	'draft',
	'sent',
	'accepted',
	'rejected',
	'expired'
];

export interface QuoteQuery extends ListQuery {
	status: QuoteStatus | null;
}

/** Newest first: the number is the order quotes were made in. */
export const DEFAULT_QUOTE_QUERY: QuoteQuery = {
	...BASE_QUERY,
	sort: 'number',
	desc: true,
	status: null
};

export function quoteListArgs(
	query: QuoteQuery,
	after: string | null,
	limit: number
): QuoteListQuery {
	return { desc: query.desc, after, limit, ...filterArgs(query), status: query.status };
}

export function quoteFilterFields(): FilterField[] {
	return [
		{ id: 'currency', label: 'quotes.field.currency' },
		{ id: 'valid_until', label: 'quotes.field.validUntil' },
		{ id: 'account_id', label: 'quotes.field.account', kind: 'link' },
		{ id: 'contact_id', label: 'quotes.field.contact', kind: 'link' },
		{ id: 'opportunity_id', label: 'quotes.field.opportunity', kind: 'link' }
	];
}

/** The statuses a quote may move to by hand: draft → sent → accepted, rejected or expired. */
export function nextQuoteStatuses(status: QuoteStatus): readonly QuoteStatus[] {
	if (status === 'draft') return ['sent'];
	if (status === 'sent') return ['accepted', 'rejected', 'expired'];
	return [];
}

// The leads list query (the common list query and a status chip), its arguments for lead_list,
// and the fields it can be filtered by.
import type { LeadListQuery, LeadSort, LeadStatus } from '$lib/bindings';
import { t } from '$lib/i18n';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';
import { LEAD_SOURCES, RATINGS, type StatusFilter } from './status';

export interface LeadQuery extends ListQuery {
	sort: LeadSort;
	status: LeadStatus | null;
}

export const DEFAULT_LEAD_QUERY: LeadQuery = { ...BASE_QUERY, sort: 'name', status: null };

/** The arguments of lead_list for one page of `query`. */
export function leadListArgs(query: LeadQuery, after: string | null, limit: number): LeadListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		...(query.starts_with !== '' ? { starts_with: query.starts_with } : {}),
		...filterArgs(query),
		status: query.status
	};
}

/** The query with a status chip chosen. */
export function filterByStatus(query: LeadQuery, filter: StatusFilter): LeadQuery {
	return { ...query, status: filter === 'all' ? null : filter };
}

export function currentFilter(query: LeadQuery): StatusFilter {
	return query.status ?? 'all';
}

/** The lead fields the core filters by, in the order they are offered. */
export function leadFilterFields(): FilterField[] {
	return [
		{ id: 'first_name', label: 'leads.field.first_name' },
		{ id: 'last_name', label: 'leads.field.last_name' },
		{ id: 'company', label: 'leads.field.company' },
		{ id: 'title', label: 'leads.field.title' },
		{ id: 'industry', label: 'leads.field.industry' },
		{ id: 'email', label: 'leads.col.email' },
		{
			id: 'source',
			label: 'leads.field.source',
			kind: 'choice',
			choices: LEAD_SOURCES.map((s) => ({ value: s, label: t(`leads.source.${s}`) }))
		},
		{
			id: 'rating',
			label: 'leads.field.rating',
			kind: 'choice',
			choices: RATINGS.map((r) => ({ value: r, label: t(`leads.rating.${r}`) }))
		}
	];
}

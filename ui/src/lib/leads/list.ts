// The leads list query: sort column and direction, status chip and quick filter.
import type { LeadListQuery, LeadSort, LeadStatus } from '$lib/bindings';
import type { StatusFilter } from './status';

export interface LeadQuery {
	sort: LeadSort;
	desc: boolean;
	q: string;
	status: LeadStatus | null;
}

export const DEFAULT_LEAD_QUERY: LeadQuery = { sort: 'name', desc: false, q: '', status: null };

/** The arguments of lead_list for one page of `query`. */
export function leadListArgs(query: LeadQuery, after: string | null, limit: number): LeadListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		q: query.q.trim(),
		status: query.status
	};
}

/**
 * The query after a click on a sortable header: the same column flips the direction; another
 * column starts ascending for names and with the highest score first.
 */
export function sortLeadsBy(query: LeadQuery, column: LeadSort): LeadQuery {
	if (query.sort === column) return { ...query, desc: !query.desc };
	return { ...query, sort: column, desc: column === 'score' };
}

/** The query with a status chip chosen. */
export function filterByStatus(query: LeadQuery, filter: StatusFilter): LeadQuery {
	return { ...query, status: filter === 'all' ? null : filter };
}

export function currentFilter(query: LeadQuery): StatusFilter {
	return query.status ?? 'all';
}

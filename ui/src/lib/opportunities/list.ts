// The opportunities list query (name order, either direction, quick filter) and how a row's
// stage is named.
import type { OpportunityListQuery, Stage } from '$lib/bindings';

export interface OpportunityQuery {
	desc: boolean;
	q: string;
}

export const DEFAULT_OPPORTUNITY_QUERY: OpportunityQuery = { desc: false, q: '' };

/** The arguments of opportunity_list for one page of `query`. */
export function opportunityListArgs(
	query: OpportunityQuery,
	after: string | null,
	limit: number
): OpportunityListQuery {
	return { desc: query.desc, after, limit, q: query.q.trim() };
}

/** The name of a stage key from the core's stage list; the key itself while it is unknown. */
export function stageName(stages: readonly Stage[], key: string): string {
	return stages.find((s) => s.key === key)?.name ?? key;
}

// The opportunities list query and its arguments for opportunity_list, the fields it can be
// filtered by, and how a row's stage is named.
import type { OpportunityListQuery, Stage } from '$lib/bindings';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export type OpportunityQuery = ListQuery;

export const DEFAULT_OPPORTUNITY_QUERY: OpportunityQuery = { ...BASE_QUERY };

/** The arguments of opportunity_list for one page of `query` (the list is in name order). */
export function opportunityListArgs(
	query: OpportunityQuery,
	after: string | null,
	limit: number
): OpportunityListQuery {
	return { desc: query.desc, after, limit, ...filterArgs(query) };
}

/** The opportunity fields the core filters by; the stages as the core names them. */
export function opportunityFilterFields(stages: readonly Stage[]): FilterField[] {
	return [
		{ id: 'name', label: 'opportunities.field.name' },
		{
			id: 'stage',
			label: 'opportunities.field.stage',
			kind: 'choice',
			choices: stages.map((s) => ({ value: s.key, label: s.name }))
		},
		{ id: 'currency', label: 'opportunities.field.currency' },
		{ id: 'close_date', label: 'opportunities.field.closeDate' },
		{ id: 'contact_id', label: 'opportunities.field.contact', kind: 'link' }
	];
}

/** The name of a stage key from the core's stage list; the key itself while it is unknown. */
export function stageName(stages: readonly Stage[], key: string): string {
	return stages.find((s) => s.key === key)?.name ?? key;
}

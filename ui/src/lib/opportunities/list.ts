// The opportunities list query (the common list query and open / won / lost) and its arguments
// for opportunity_list, the fields it can be filtered by, and how a row's stage is named.
import type { OpportunityListQuery, OpportunitySort, Stage, StageKind } from '$lib/bindings';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export interface OpportunityQuery extends ListQuery {
	sort: OpportunitySort;
	/** Only open, won or lost deals; null for all. */
	stage_kind: StageKind | null;
}

export const DEFAULT_OPPORTUNITY_QUERY: OpportunityQuery = {
	...BASE_QUERY,
	sort: 'name',
	stage_kind: null
};

/** The arguments of opportunity_list for one page of `query`. */
export function opportunityListArgs(
	query: OpportunityQuery,
	after: string | null,
	limit: number
): OpportunityListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		...filterArgs(query),
		stage_kind: query.stage_kind
	};
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

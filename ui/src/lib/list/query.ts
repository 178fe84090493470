// A record list's query as the screen holds it: sort column and direction, quick filter, jump
// position, and the filters every list has (tag, owner, field conditions). A list may add its own
// fields (a lead status, an account); those travel with saved views too.
import type { Condition } from '$lib/bindings';

export interface ListQuery {
	sort: string;
	desc: boolean;
	q: string;
	/** Start at the first row whose sort value is at or after this text; '' for the top. */
	starts_with: string;
	/** Only records with this tag; '' for any. */
	tag: string;
	/** Only records of this owner; null for anyone's. */
	owner_id: string | null;
	/** Field conditions, all of which must hold. */
	conditions: Condition[];
}

export const BASE_QUERY: ListQuery = {
	sort: 'name',
	desc: false,
	q: '',
	starts_with: '',
	tag: '',
	owner_id: null,
	conditions: []
};

const BASE_KEYS = new Set(Object.keys(BASE_QUERY));

/** The filters every `*_list` command takes, only those in use. */
export interface FilterArgs {
	q: string;
	tag?: string;
	owner_id?: string;
	conditions?: Condition[];
}

export function filterArgs(query: ListQuery): FilterArgs {
	return {
		q: query.q.trim(),
		...(query.tag !== '' ? { tag: query.tag } : {}),
		...(query.owner_id ? { owner_id: query.owner_id } : {}),
		...(query.conditions.length > 0 ? { conditions: query.conditions } : {})
	};
}

/** The list's own fields (beyond the base query), e.g. a lead status. */
export function ownFields<Q extends ListQuery>(query: Q): Record<string, unknown> {
	return Object.fromEntries(Object.entries(query).filter(([key]) => !BASE_KEYS.has(key)));
}

/**
 * The query after a click on a sortable column header: the same column flips the direction,
 * another column starts ascending (or descending where highest first is what one wants, such as
 * a score). The jump position belongs to the old order and is cleared.
 */
export function sortBy<Q extends ListQuery>(query: Q, column: string, descFirst = false): Q {
	if (query.sort === column) return { ...query, desc: !query.desc, starts_with: '' };
	return { ...query, sort: column, desc: descFirst, starts_with: '' };
}

/** The query a view saves: the list's arguments without the page and the jump position. */
export function viewQuery<Q extends ListQuery>(query: Q): Record<string, unknown> {
	const { starts_with: _jump, ...rest } = query;
	void _jump;
	return { ...rest, q: query.q.trim(), tag: query.tag !== '' ? query.tag : null };
}

/**
 * The list query of a saved view, on top of the list's defaults. Values of the wrong type are
 * left out, and so are sorts and condition fields the list does not offer (a view saved by an
 * older version).
 */
export function queryFromView<Q extends ListQuery>(
	saved: Record<string, unknown>,
	defaults: Q,
	sorts: readonly string[],
	fields: readonly string[]
): Q {
	const next: Record<string, unknown> = {
		...(defaults as Record<string, unknown>),
		starts_with: ''
	};
	for (const [key, fallback] of Object.entries(defaults as Record<string, unknown>)) {
		const value = saved[key];
		if (key === 'conditions' || key === 'starts_with' || value === undefined) continue;
		// A field that defaults to null (an owner, a status) holds text when set.
		const fits =
			fallback === null
				? value === null || typeof value === 'string'
				: typeof value === typeof fallback;
		if (fits) next[key] = value;
	}
	if (!sorts.includes(String(next['sort']))) next['sort'] = defaults.sort;
	next['tag'] = typeof saved['tag'] === 'string' ? saved['tag'] : '';
	next['q'] = typeof saved['q'] === 'string' ? saved['q'] : '';
	next['conditions'] = savedConditions(saved['conditions'], fields);
	return next as Q;
}

const OPS = new Set([
	'equals',
	'not_equals',
	'contains',
	'starts_with',
	'is_empty',
	'is_not_empty'
]);

function savedConditions(saved: unknown, fields: readonly string[]): Condition[] {
	if (!Array.isArray(saved)) return [];
	const out: Condition[] = [];
	for (const item of saved as unknown[]) {
		if (typeof item !== 'object' || item === null) continue;
		const c = item as Record<string, unknown>;
		if (typeof c['field'] !== 'string' || !fields.includes(c['field'])) continue;
		if (typeof c['op'] !== 'string' || !OPS.has(c['op'])) continue;
		out.push({
			field: c['field'],
			op: c['op'] as Condition['op'],
			value: typeof c['value'] === 'string' ? c['value'] : ''
		});
	}
	return out;
}

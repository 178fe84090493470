// The contacts list's filter bar and saved views: the conditions as edited, the ones the list is
// filtered by, and the conversion between the list query and a saved view's query.
import type { Condition, ConditionOp, ContactSort, View } from '$lib/bindings';
import type { MessageKey } from '$lib/i18n';
import { DEFAULT_CONTACT_QUERY, type ContactQuery } from './list';

/** The contact fields the core filters by, in the order they are offered. */
export const CONTACT_FILTER_FIELDS = [
	'first_name',
	'last_name',
	'title',
	'department',
	'email',
	'phone',
	'city',
	'lead_source',
	'birthday',
	'account_id'
] as const;
export type ContactFilterField = (typeof CONTACT_FILTER_FIELDS)[number];

export const CONDITION_OPS: readonly ConditionOp[] = [
	'equals',
	'not_equals',
	'contains',
	'starts_with',
	'is_empty',
	'is_not_empty'
];

const PRESENCE_OPS: readonly ConditionOp[] = ['is_empty', 'is_not_empty'];

const CONTACT_SORTS: readonly ContactSort[] = ['name', 'email', 'city', 'updated'];

export const FIELD_LABELS: Record<ContactFilterField, MessageKey> = {
	first_name: 'contacts.field.first_name',
	last_name: 'contacts.field.last_name',
	title: 'contacts.field.title',
	department: 'contacts.field.department',
	email: 'contacts.field.email',
	phone: 'contacts.field.phone',
	city: 'contacts.field.city',
	lead_source: 'contacts.field.lead_source',
	birthday: 'contacts.field.birthday',
	account_id: 'contacts.field.account_id'
};

export const OP_LABELS: Record<ConditionOp, MessageKey> = {
	equals: 'contacts.op.equals',
	not_equals: 'contacts.op.not_equals',
	contains: 'contacts.op.contains',
	starts_with: 'contacts.op.starts_with',
	is_empty: 'contacts.op.is_empty',
	is_not_empty: 'contacts.op.is_not_empty'
};

/** A condition row of the filter bar, as edited. */
export interface ConditionDraft {
	field: ContactFilterField;
	op: ConditionOp;
	value: string;
}

function isField(value: unknown): value is ContactFilterField {
	return (CONTACT_FILTER_FIELDS as readonly unknown[]).includes(value);
}

function isOp(value: unknown): value is ConditionOp {
	return (CONDITION_OPS as readonly unknown[]).includes(value);
}

/** The comparisons offered for a field: the account is a link, so only whether there is one. */
export function fieldOps(field: ContactFilterField): readonly ConditionOp[] {
	return field === 'account_id' ? PRESENCE_OPS : CONDITION_OPS;
}

/** Whether the comparison takes a value (is empty / is not empty do not). */
export function needsValue(op: ConditionOp): boolean {
	return !PRESENCE_OPS.includes(op);
}

export function newCondition(): ConditionDraft {
	return { field: 'city', op: 'contains', value: '' };
}

/** The row with another field; its comparison stays when the field offers it. */
export function withField(draft: ConditionDraft, field: ContactFilterField): ConditionDraft {
	const ops = fieldOps(field);
	return { ...draft, field, op: ops.includes(draft.op) ? draft.op : (ops[0] ?? 'equals') };
}

/** The conditions the list is filtered by: the rows filled in, their values trimmed. */
export function appliedConditions(drafts: readonly ConditionDraft[]): Condition[] {
	const out: Condition[] = [];
	for (const d of drafts) {
		if (!fieldOps(d.field).includes(d.op)) continue;
		if (!needsValue(d.op)) out.push({ field: d.field, op: d.op, value: '' });
		else if (d.value.trim() !== '') out.push({ field: d.field, op: d.op, value: d.value.trim() });
	}
	return out;
}

/** The rows showing a query's conditions (those on fields the bar offers). */
export function conditionDrafts(conditions: readonly Condition[]): ConditionDraft[] {
	return conditions
		.filter((c) => isField(c.field))
		.map((c) => ({ field: c.field as ContactFilterField, op: c.op, value: c.value }));
}

export function sameConditions(a: readonly Condition[], b: readonly Condition[]): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** The query with the filter bar's tag and conditions. */
export function withFilters(
	query: ContactQuery,
	tag: string,
	drafts: readonly ConditionDraft[]
): ContactQuery {
	return { ...query, tag, conditions: appliedConditions(drafts) };
}

/** Whether the list is narrowed by a tag or conditions. */
export function hasFilters(query: ContactQuery): boolean {
	return (query.tag ?? '') !== '' || (query.conditions ?? []).length > 0;
}

/** Whether two queries filter by the same tag and conditions. */
export function sameFilters(a: ContactQuery, b: ContactQuery): boolean {
	return (a.tag ?? '') === (b.tag ?? '') && sameConditions(a.conditions ?? [], b.conditions ?? []);
}

/** The query a view saves: contact_list's arguments without the page and the jump position. */
export function viewQuery(query: ContactQuery): Record<string, unknown> {
	return {
		sort: query.sort,
		desc: query.desc,
		q: query.q.trim(),
		tag: query.tag ? query.tag : null,
		conditions: query.conditions ?? []
	};
}

/** The list query of a saved view; anything it holds that the list does not know is left out. */
export function queryFromView(saved: View['query']): Required<ContactQuery> {
	const sort = CONTACT_SORTS.find((s) => s === saved['sort']) ?? DEFAULT_CONTACT_QUERY.sort;
	const list = Array.isArray(saved['conditions']) ? (saved['conditions'] as unknown[]) : [];
	const conditions: Condition[] = [];
	for (const item of list) {
		if (typeof item !== 'object' || item === null) continue;
		const c = item as Record<string, unknown>;
		if (!isField(c['field']) || !isOp(c['op'])) continue;
		conditions.push({
			field: c['field'],
			op: c['op'],
			value: typeof c['value'] === 'string' ? c['value'] : ''
		});
	}
	return {
		sort,
		desc: saved['desc'] === true,
		q: typeof saved['q'] === 'string' ? saved['q'] : '',
		starts_with: '',
		tag: typeof saved['tag'] === 'string' ? saved['tag'] : '',
		conditions
	};
}

// A list's filter bar: the fields conditions may name and how each is compared, the condition rows
// as edited, and the conditions the list is filtered by.
import type { Condition, ConditionOp } from '$lib/bindings';
import type { MessageKey } from '$lib/i18n';
import type { ListQuery } from './query';

/**
 * A field the core filters the list by. `text` fields take any comparison; a `link` (an id) only
 * whether there is one; a `choice` is compared with one of its values (labels already in the
 * user's language).
 */
export interface FilterField {
	id: string;
	label: MessageKey;
	kind?: 'text' | 'link' | 'choice';
	choices?: readonly { value: string; label: string }[];
}

export const CONDITION_OPS: readonly ConditionOp[] = [
	'equals',
	'not_equals',
	'contains',
	'starts_with',
	'is_empty',
	'is_not_empty'
];

const PRESENCE_OPS: readonly ConditionOp[] = ['is_empty', 'is_not_empty'];
const CHOICE_OPS: readonly ConditionOp[] = ['equals', 'not_equals', 'is_empty', 'is_not_empty'];

export const OP_LABELS: Record<ConditionOp, MessageKey> = {
	equals: 'list.op.equals',
	not_equals: 'list.op.not_equals',
	contains: 'list.op.contains',
	starts_with: 'list.op.starts_with',
	is_empty: 'list.op.is_empty',
	is_not_empty: 'list.op.is_not_empty'
};

/** A condition row of the filter bar, as edited. */
export interface ConditionDraft {
	field: string;
	op: ConditionOp;
	value: string;
}

/** The comparisons offered for a field. */
export function fieldOps(field: FilterField | undefined): readonly ConditionOp[] {
	if (field?.kind === 'link') return PRESENCE_OPS;
	if (field?.kind === 'choice') return CHOICE_OPS;
	return CONDITION_OPS;
}

/** Whether the comparison takes a value (is empty / is not empty do not). */
export function needsValue(op: ConditionOp): boolean {
	return !PRESENCE_OPS.includes(op);
}

/** A new row: the first text field, "contains". */
export function newCondition(fields: readonly FilterField[]): ConditionDraft {
	const field = fields.find((f) => (f.kind ?? 'text') === 'text') ?? fields[0];
	const ops = fieldOps(field);
	return { field: field?.id ?? '', op: ops.includes('contains') ? 'contains' : ops[0]!, value: '' };
}

/** The row with another field; its comparison stays when the field offers it. */
export function withField(draft: ConditionDraft, field: FilterField): ConditionDraft {
	const ops = fieldOps(field);
	const value = field.kind === 'choice' ? '' : draft.value;
	return { field: field.id, op: ops.includes(draft.op) ? draft.op : (ops[0] ?? 'equals'), value };
}

/** The conditions the list is filtered by: the rows filled in, their values trimmed. */
export function appliedConditions(
	drafts: readonly ConditionDraft[],
	fields: readonly FilterField[]
): Condition[] {
	const out: Condition[] = [];
	for (const d of drafts) {
		const field = fields.find((f) => f.id === d.field);
		if (!field || !fieldOps(field).includes(d.op)) continue;
		if (!needsValue(d.op)) out.push({ field: d.field, op: d.op, value: '' });
		else if (d.value.trim() !== '') out.push({ field: d.field, op: d.op, value: d.value.trim() });
	}
	return out;
}

/** The rows showing a query's conditions (those on fields the bar offers). */
export function conditionDrafts(
	conditions: readonly Condition[],
	fields: readonly FilterField[]
): ConditionDraft[] {
	return conditions
		.filter((c) => fields.some((f) => f.id === c.field))
		.map((c) => ({ field: c.field, op: c.op, value: c.value }));
}

export function sameConditions(a: readonly Condition[], b: readonly Condition[]): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the list is narrowed by a tag, an owner or conditions. */
export function hasFilters(query: ListQuery): boolean {
	return query.tag !== '' || query.owner_id !== null || query.conditions.length > 0;
}

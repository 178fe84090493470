// The merge screen's model: the fields of two duplicates side by side, which value each field
// keeps, and the `take` list of records_merge (the fields whose value comes from the duplicate).
// The core keeps the staying record's value unless taken, fills its empty fields from the
// duplicate, and joins lists (e-mails, phones, addresses, tags) unless the duplicate's is taken.
import type { MergeType } from '$lib/bindings';
import { fieldLabel, formatValue, isBlank } from './timeline';

export type Side = 'winner' | 'loser';

export const MERGE_FIELDS: Record<MergeType, readonly string[]> = {
	contact: [
		'salutation',
		'first_name',
		'last_name',
		'title',
		'department',
		'account_id',
		'emails',
		'phones',
		'addresses',
		'birthday',
		'lead_source',
		'notes',
		'tags'
	],
	account: [
		'name',
		'account_type',
		'parent_id',
		'industry',
		'website',
		'emails',
		'phones',
		'billing_address',
		'shipping_address',
		'tax_id',
		'annual_revenue',
		'employees',
		'rating',
		'description',
		'tags'
	]
};

/** Fields whose lists the core joins unless the duplicate's list is taken. */
export const LIST_FIELDS: ReadonlySet<string> = new Set(['emails', 'phones', 'addresses', 'tags']);

/** Fields holding the id of another record (shown by its name). */
export const REFERENCE_FIELDS: Readonly<Record<string, 'account' | 'contact'>> = {
	account_id: 'account',
	parent_id: 'account'
};

export interface MergeRow {
	field: string;
	label: string;
	winner: unknown;
	loser: unknown;
	winnerText: string;
	loserText: string;
	/** A list the core joins. */
	list: boolean;
	/** Both records hold the same value. */
	same: boolean;
}

/** What the staying record ends up with for a field, given the side picked. */
export type Outcome = 'kept' | 'filled' | 'combined' | 'taken' | 'same';

function sameValue(a: unknown, b: unknown): boolean {
	if (isBlank(a) && isBlank(b)) return true;
	return JSON.stringify(a) === JSON.stringify(b);
}

function itemKey(item: unknown): string {
	if (item && typeof item === 'object' && 'value' in item) {
		return JSON.stringify((item as { value: unknown }).value);
	}
	return JSON.stringify(item);
}

/** The rows of the comparison, in the form's order. */
export function mergeRows(
	type: MergeType,
	winner: Record<string, unknown>,
	loser: Record<string, unknown>
): MergeRow[] {
	return MERGE_FIELDS[type].map((field) => {
		const w = winner[field] ?? null;
		const l = loser[field] ?? null;
		return {
			field,
			label: fieldLabel(field),
			winner: w,
			loser: l,
			winnerText: formatValue(field, w),
			loserText: formatValue(field, l),
			list: LIST_FIELDS.has(field),
			same: sameValue(w, l)
		};
	});
}

/** A list joined as the core joins it: the staying record's items, then the duplicate's new ones. */
export function joinedList(winner: unknown, loser: unknown): unknown[] {
	const mine = Array.isArray(winner) ? winner : [];
	const theirs = Array.isArray(loser) ? loser : [];
	const seen = new Set(mine.map(itemKey));
	const out: unknown[] = [...mine];
	for (const item of theirs) {
		const key = itemKey(item);
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(
			item && typeof item === 'object' && 'primary' in item ? { ...item, primary: false } : item
		);
	}
	return out;
}

/** What picking `side` for a row gives the staying record. */
export function outcome(row: MergeRow, side: Side): Outcome {
	if (row.same) return 'same';
	if (side === 'loser') return 'taken';
	if (isBlank(row.winner)) return 'filled';
	if (row.list && joinedList(row.winner, row.loser).length > (row.winner as unknown[]).length) {
		return 'combined';
	}
	return 'kept';
}

/** The value the staying record ends up with for a row. */
export function resultValue(row: MergeRow, side: Side): unknown {
	switch (outcome(row, side)) {
		case 'taken':
		case 'filled':
			return row.loser;
		case 'combined':
			return joinedList(row.winner, row.loser);
		default:
			return row.winner;
	}
}

/** The `take` argument of records_merge: the fields picked from the duplicate, where it matters. */
export function takeFields(
	rows: readonly MergeRow[],
	picks: Readonly<Record<string, Side>>
): string[] {
	return rows.filter((row) => !row.same && picks[row.field] === 'loser').map((row) => row.field);
}

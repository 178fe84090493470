// Multi-select for list rows: a click toggles one row and sets the anchor; a shift-click selects
// every row between the anchor and the clicked row.

export interface SelectionState {
	readonly ids: ReadonlySet<string>;
	/** Index of the row the last plain click was on; the start of a shift-click range. */
	readonly anchor: number | null;
}

export const NO_SELECTION: SelectionState = { ids: new Set(), anchor: null };

/**
 * The selection after clicking the checkbox of row `index`. `idAt` gives the id of a loaded row.
 * With shift and an anchor, the range anchor..index takes the state the anchor row has.
 */
export function clickRow(
	state: SelectionState,
	index: number,
	idAt: (index: number) => string | undefined,
	shift: boolean
): SelectionState {
	const id = idAt(index);
	if (id === undefined) return state;
	const ids = new Set(state.ids);
	if (shift && state.anchor !== null && idAt(state.anchor) !== undefined) {
		const anchorId = idAt(state.anchor) as string;
		const select = ids.has(anchorId);
		const [from, to] = state.anchor <= index ? [state.anchor, index] : [index, state.anchor];
		for (let i = from; i <= to; i++) {
			const rowId = idAt(i);
			if (rowId === undefined) continue;
			if (select) ids.add(rowId);
			else ids.delete(rowId);
		}
		return { ids, anchor: state.anchor };
	}
	if (ids.has(id)) ids.delete(id);
	else ids.add(id);
	return { ids, anchor: index };
}

/** Selects all of `allIds`, or clears the selection when all of them are selected already. */
export function toggleAll(state: SelectionState, allIds: readonly string[]): SelectionState {
	const allSelected = allIds.length > 0 && allIds.every((id) => state.ids.has(id));
	if (allSelected) return NO_SELECTION;
	return { ids: new Set(allIds), anchor: null };
}

/** Keeps only ids that are still present (after rows were removed or the query changed). */
export function keepPresent(state: SelectionState, present: ReadonlySet<string>): SelectionState {
	const ids = new Set([...state.ids].filter((id) => present.has(id)));
	if (ids.size === state.ids.size) return state;
	return { ids, anchor: null };
}

/** "all", "some" or "none" of `allIds` selected: drives the header checkbox. */
export function selectionCoverage(
	state: SelectionState,
	allIds: readonly string[]
): 'all' | 'some' | 'none' {
	if (state.ids.size === 0 || allIds.length === 0) return 'none';
	let count = 0;
	for (const id of allIds) if (state.ids.has(id)) count++;
	if (count === 0) return 'none';
	return count === allIds.length ? 'all' : 'some';
}

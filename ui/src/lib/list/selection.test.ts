import { describe, expect, it } from 'vitest';
import { NO_SELECTION, clickRow, keepPresent, selectionCoverage, toggleAll } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const idAt = (i: number) => ids[i];
const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('selection', () => {
	it('toggles single rows and remembers the anchor', () => {
		let s = clickRow(NO_SELECTION, 1, idAt, false);
		expect(sorted(s.ids)).toEqual(['b']);
		expect(s.anchor).toBe(1);
		s = clickRow(s, 3, idAt, false);
		expect(sorted(s.ids)).toEqual(['b', 'd']);
		s = clickRow(s, 1, idAt, false);
		expect(sorted(s.ids)).toEqual(['d']);
	});

	it('selects a range with shift, in either direction', () => {
		let s = clickRow(NO_SELECTION, 1, idAt, false);
		s = clickRow(s, 4, idAt, true);
		expect(sorted(s.ids)).toEqual(['b', 'c', 'd', 'e']);
		expect(s.anchor).toBe(1);
		s = clickRow(clickRow(NO_SELECTION, 4, idAt, false), 2, idAt, true);
		expect(sorted(s.ids)).toEqual(['c', 'd', 'e']);
	});

	it('clears a range when the anchor row was unselected', () => {
		let s = toggleAll(NO_SELECTION, ids);
		s = clickRow(s, 2, idAt, false); // unselect c, anchor at 2
		s = clickRow(s, 4, idAt, true);
		expect(sorted(s.ids)).toEqual(['a', 'b', 'f']);
	});

	it('treats a shift-click without an anchor as a plain click', () => {
		const s = clickRow(NO_SELECTION, 3, idAt, true);
		expect(sorted(s.ids)).toEqual(['d']);
	});

	it('selects all and clears all', () => {
		const all = toggleAll(NO_SELECTION, ids);
		expect(all.ids.size).toBe(6);
		expect(selectionCoverage(all, ids)).toBe('all');
		expect(toggleAll(all, ids).ids.size).toBe(0);
		expect(selectionCoverage(clickRow(NO_SELECTION, 0, idAt, false), ids)).toBe('some');
		expect(selectionCoverage(NO_SELECTION, ids)).toBe('none');
	});

	it('forgets ids that left the list', () => {
		const s = toggleAll(NO_SELECTION, ids);
		const kept = keepPresent(s, new Set(['a', 'b']));
		expect(sorted(kept.ids)).toEqual(['a', 'b']);
		expect(keepPresent(kept, new Set(ids))).toBe(kept);
	});
});

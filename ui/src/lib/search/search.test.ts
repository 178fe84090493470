import type { SearchResults } from '$lib/bindings';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	IDLE,
	SearchController,
	flattenHits,
	hitPath,
	moveActive,
	type SearchState
} from './controller';
import { MARK_END, MARK_START, splitMarked, stripMarks } from './marks';

const S = MARK_START;
const E = MARK_END;

describe('splitMarked', () => {
	it('splits marked matches from plain text', () => {
		expect(splitMarked(`Anna ${S}Schm${E}idt`)).toEqual([
			{ text: 'Anna ', marked: false },
			{ text: 'Schm', marked: true },
			{ text: 'idt', marked: false }
		]);
		expect(splitMarked(`${S}Ива${E}нов ${S}Ива${E}н`)).toEqual([
			{ text: 'Ива', marked: true },
			{ text: 'нов ', marked: false },
			{ text: 'Ива', marked: true },
			{ text: 'н', marked: false }
		]);
	});

	it('keeps markup-looking text as text', () => {
		expect(splitMarked(`<b>${S}x${E}</b>`)).toEqual([
			{ text: '<b>', marked: false },
			{ text: 'x', marked: true },
			{ text: '</b>', marked: false }
		]);
	});

	it('tolerates unbalanced or nested markers', () => {
		expect(splitMarked(`a${E}b`)).toEqual([{ text: 'ab', marked: false }]);
		expect(splitMarked(`a${S}b`)).toEqual([
			{ text: 'a', marked: false },
			{ text: 'b', marked: true }
		]);
		expect(splitMarked(`${S}${S}a${E}${E}`)).toEqual([{ text: 'a', marked: true }]);
		expect(splitMarked('')).toEqual([]);
		expect(splitMarked(`${S}${E}`)).toEqual([]);
	});

	it('handles characters outside the BMP', () => {
		expect(splitMarked(`😀${S}é${E}`)).toEqual([
			{ text: '😀', marked: false },
			{ text: 'é', marked: true }
		]);
		expect(stripMarks(`${S}a${E}b`)).toBe('ab');
	});
});

function results(q: string, n: number): SearchResults {
	return {
		query: q,
		groups: [
			{
				record_type: 'contact',
				hits: Array.from({ length: n }, (_, i) => ({
					record_type: 'contact',
					id: `c${i}`,
					title: `${q} ${i}`,
					subtitle: '',
					marked: `${S}${q}${E} ${i}`
				}))
			},
			{
				record_type: 'account',
				hits: [{ record_type: 'account', id: 'a1', title: 'Acme', subtitle: '', marked: 'Acme' }]
			}
		]
	};
}

describe('SearchController', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('debounces typing and searches the latest text once', async () => {
		const run = vi.fn(async (q: string) => results(q, 2));
		const states: SearchState[] = [];
		const c = new SearchController(run, (s) => states.push(s), 120);
		c.input('a');
		await vi.advanceTimersByTimeAsync(50);
		c.input('an');
		await vi.advanceTimersByTimeAsync(50);
		c.input('ann');
		expect(run).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(120);
		expect(run).toHaveBeenCalledTimes(1);
		expect(run).toHaveBeenCalledWith('ann');
		expect(c.state.q).toBe('ann');
		expect(c.state.loading).toBe(false);
		expect(flattenHits(c.state.results)).toHaveLength(3);
	});

	it('ignores an answer that arrives after a newer query started', async () => {
		let release!: () => void;
		const run = vi.fn((q: string) =>
			q === 'slow'
				? new Promise<SearchResults>((r) => (release = () => r(results('slow', 1))))
				: Promise.resolve(results(q, 1))
		);
		const c = new SearchController(run, () => undefined, 10);
		c.input('slow');
		await vi.advanceTimersByTimeAsync(10);
		c.input('fast');
		await vi.advanceTimersByTimeAsync(10);
		release();
		await vi.runAllTimersAsync();
		expect(c.state.q).toBe('fast');
	});

	it('clears for empty text and reports errors', async () => {
		const run = vi.fn(async () => {
			throw { code: 'database', message: 'fts syntax' };
		});
		const c = new SearchController(run, () => undefined, 10);
		c.input('x');
		await vi.advanceTimersByTimeAsync(10);
		expect(c.state.error).toEqual({ code: 'database', message: 'fts syntax' });
		c.input('   ');
		expect(c.state).toEqual(IDLE);
	});

	it('flush searches at once', async () => {
		const run = vi.fn(async (q: string) => results(q, 1));
		const c = new SearchController(run, () => undefined, 1000);
		c.input('abc');
		await c.flush('abc');
		expect(run).toHaveBeenCalledTimes(1);
		expect(c.state.q).toBe('abc');
		await vi.runAllTimersAsync();
		expect(run).toHaveBeenCalledTimes(1);
	});
});

describe('keyboard order and targets', () => {
	it('flattens groups in display order', () => {
		const flat = flattenHits(results('x', 2));
		expect(flat.map((h) => [h.recordType, h.hit.id, h.index])).toEqual([
			['contact', 'c0', 0],
			['contact', 'c1', 1],
			['account', 'a1', 2]
		]);
		expect(flattenHits(null)).toEqual([]);
	});

	it('moves the active hit with wrap-around', () => {
		expect(moveActive(-1, 1, 3)).toBe(0);
		expect(moveActive(-1, -1, 3)).toBe(2);
		expect(moveActive(2, 1, 3)).toBe(0);
		expect(moveActive(0, -1, 3)).toBe(2);
		expect(moveActive(0, 1, 0)).toBe(-1);
	});

	it('opens each record on its screen; types without one open nothing', () => {
		expect(hitPath({ record_type: 'contact', id: '01J/x' })).toBe('/contacts/01J%2Fx');
		expect(hitPath({ record_type: 'account', id: 'a1' })).toBe('/accounts/a1');
		expect(hitPath({ record_type: 'opportunity', id: 'o1' })).toBe('/opportunities/o1');
		expect(hitPath({ record_type: 'invoice', id: 'i1' })).toBe('/invoices/i1');
		expect(hitPath({ record_type: 'waybill', id: 'w1' })).toBeNull();
	});
});

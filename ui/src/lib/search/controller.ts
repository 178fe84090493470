// Search-as-you-type: debounces input, runs one query at a time from the newest text and ignores
// answers that arrive after a newer query was started.
import type { CrmError, SearchHit, SearchResults } from '$lib/bindings';
import { toCrmError } from '$lib/api';
import { recordPath } from '$lib/records/paths';

export const SEARCH_DEBOUNCE_MS = 120;

export interface SearchState {
	/** The text the shown results (or error) belong to; '' when idle. */
	q: string;
	loading: boolean;
	results: SearchResults | null;
	error: CrmError | null;
}

export const IDLE: SearchState = { q: '', loading: false, results: null, error: null };

export class SearchController {
	#run: (q: string) => Promise<SearchResults>;
	#onState: (state: SearchState) => void;
	#delay: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#seq = 0;
	#state: SearchState = IDLE;

	constructor(
		run: (q: string) => Promise<SearchResults>,
		onState: (state: SearchState) => void,
		delay = SEARCH_DEBOUNCE_MS
	) {
		this.#run = run;
		this.#onState = onState;
		this.#delay = delay;
	}

	get state(): SearchState {
		return this.#state;
	}

	/** The search text changed. */
	input(text: string): void {
		this.#clearTimer();
		const q = text.trim();
		if (q === '') {
			this.#seq++;
			this.#set(IDLE);
			return;
		}
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.#fire(q);
		}, this.#delay);
	}

	/** Runs the query now (e.g. on Enter before the debounce ran out). */
	flush(text: string): Promise<void> {
		this.#clearTimer();
		const q = text.trim();
		if (q === '') {
			this.#set(IDLE);
			return Promise.resolve();
		}
		return this.#fire(q);
	}

	/** Stops any pending or running query and forgets the results. */
	reset(): void {
		this.#clearTimer();
		this.#seq++;
		this.#set(IDLE);
	}

	async #fire(q: string): Promise<void> {
		const seq = ++this.#seq;
		this.#set({ ...this.#state, loading: true });
		try {
			const results = await this.#run(q);
			if (seq !== this.#seq) return;
			this.#set({ q, loading: false, results, error: null });
		} catch (e) {
			if (seq !== this.#seq) return;
			this.#set({ q, loading: false, results: null, error: toCrmError(e) });
		}
	}

	#set(state: SearchState): void {
		this.#state = state;
		this.#onState(state);
	}

	#clearTimer(): void {
		if (this.#timer !== null) {
			clearTimeout(this.#timer);
			this.#timer = null;
		}
	}
}

export interface FlatHit {
	recordType: string;
	hit: SearchHit;
	/** Position in the keyboard order across all groups. */
	index: number;
}

/** All hits in display order, for arrow-key navigation across groups. */
export function flattenHits(results: SearchResults | null): FlatHit[] {
	if (!results) return [];
	const flat: FlatHit[] = [];
	for (const group of results.groups) {
		for (const hit of group.hits) {
			flat.push({ recordType: group.record_type, hit, index: flat.length });
		}
	}
	return flat;
}

/** Moves the active index by `delta` within `count` items, wrapping around; -1 when empty. */
export function moveActive(current: number, delta: number, count: number): number {
	if (count <= 0) return -1;
	if (current < 0) return delta >= 0 ? 0 : count - 1;
	return (((current + delta) % count) + count) % count;
}

/** The app path that opens a hit, or null when its record type has no screen yet. */
export function hitPath(hit: Pick<SearchHit, 'record_type' | 'id'>): string | null {
	return recordPath(hit.record_type, hit.id);
}

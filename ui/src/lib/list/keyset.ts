// Keyset paging for long lists: the first page of a query, then the next page after the previous
// page's `next` cursor as the user scrolls (never an offset). A new query starts a new generation;
// answers that belong to an older generation are dropped. Follows the Svelte store contract.
import type { CrmError, Page } from '$lib/bindings';
import { toCrmError } from '$lib/errors';

export const PAGE_SIZE = 200;

export type FetchPage<Row, Query> = (
	query: Query,
	after: string | null,
	limit: number
) => Promise<Page<Row>>;

export interface LoaderState<Row> {
	/** The loaded rows, in order. The same array grows as pages arrive; `version` tells a change. */
	readonly rows: readonly Row[];
	/** Total rows of the query as the core counted them (with the first page); null until then. */
	readonly total: number | null;
	/** True when more rows can be fetched with loadMore(). */
	readonly hasMore: boolean;
	/** A page request of the current generation is running. */
	readonly loading: boolean;
	/** The first page of the current query has arrived (rows or none). */
	readonly loaded: boolean;
	readonly error: CrmError | null;
	/** Increases with every query change. */
	readonly generation: number;
	/** Increases with every change of this state. */
	readonly version: number;
}

export class KeysetLoader<Row, Query> {
	#fetch: FetchPage<Row, Query>;
	#pageSize: number;
	#query: Query | null = null;
	#rows: Row[] = [];
	#next: string | null = null;
	#total: number | null = null;
	#loading = false;
	#loaded = false;
	#error: CrmError | null = null;
	#generation = 0;
	#version = 0;
	#done = false;
	#subscribers = new Set<(state: LoaderState<Row>) => void>();
	#snapshot: LoaderState<Row>;

	constructor(fetch: FetchPage<Row, Query>, pageSize = PAGE_SIZE) {
		this.#fetch = fetch;
		this.#pageSize = pageSize;
		this.#snapshot = this.#makeSnapshot();
	}

	get state(): LoaderState<Row> {
		return this.#snapshot;
	}

	get query(): Query | null {
		return this.#query;
	}

	subscribe(run: (state: LoaderState<Row>) => void): () => void {
		this.#subscribers.add(run);
		run(this.#snapshot);
		return () => {
			this.#subscribers.delete(run);
		};
	}

	/**
	 * Starts over with `query`: fetches its first page. The rows of the previous query stay visible
	 * until the new page arrives, then are replaced.
	 */
	async reset(query: Query): Promise<void> {
		this.#query = query;
		const generation = ++this.#generation;
		this.#next = null;
		this.#done = false;
		this.#loading = true;
		this.#loaded = false;
		this.#error = null;
		this.#emit();
		try {
			const page = await this.#fetch(query, null, this.#pageSize);
			if (generation !== this.#generation) return;
			this.#rows = [...page.rows];
			this.#total = page.total;
			this.#accept(page);
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#rows = [];
			this.#total = null;
			this.#error = toCrmError(e);
		} finally {
			if (generation === this.#generation) {
				this.#loading = false;
				this.#loaded = true;
				this.#emit();
			}
		}
	}

	/** Fetches the page after the last loaded row, unless one is running or there is no more. */
	async loadMore(): Promise<void> {
		if (this.#query === null || this.#loading || this.#error || !this.#hasMore()) return;
		const generation = this.#generation;
		const after = this.#next;
		this.#loading = true;
		this.#emit();
		try {
			const page = await this.#fetch(this.#query, after, this.#pageSize);
			if (generation !== this.#generation) return;
			this.#rows.push(...page.rows);
			this.#accept(page);
		} catch (e) {
			if (generation !== this.#generation) return;
			this.#error = toCrmError(e);
		} finally {
			if (generation === this.#generation) {
				this.#loading = false;
				this.#emit();
			}
		}
	}

	/** After an error: fetches again what failed (the first page, or the next one). */
	async retry(): Promise<void> {
		if (this.#query === null) return;
		if (!this.#loaded || this.#rows.length === 0) return this.reset(this.#query);
		this.#error = null;
		return this.loadMore();
	}

	/** Reloads the current query from the top. */
	async reload(): Promise<void> {
		if (this.#query !== null) return this.reset(this.#query);
	}

	/** Takes rows out locally (e.g. after they were deleted); the total shrinks by as many. */
	remove(shouldRemove: (row: Row) => boolean): number {
		const before = this.#rows.length;
		this.#rows = this.#rows.filter((row) => !shouldRemove(row));
		const removed = before - this.#rows.length;
		if (removed > 0) {
			if (this.#total !== null) this.#total = Math.max(0, this.#total - removed);
			this.#emit();
		}
		return removed;
	}

	#accept(page: Page<Row>): void {
		this.#next = page.next;
		// The core counts with the first page only; later pages carry null.
		if (page.total !== null) this.#total = page.total;
		// No cursor, or an empty page: the end of the list.
		this.#done = page.next === null || page.rows.length === 0;
	}

	#hasMore(): boolean {
		return this.#loaded && !this.#done && this.#next !== null;
	}

	#makeSnapshot(): LoaderState<Row> {
		return {
			rows: this.#rows,
			total: this.#total,
			hasMore: this.#hasMore(),
			loading: this.#loading,
			loaded: this.#loaded,
			error: this.#error,
			generation: this.#generation,
			version: this.#version
		};
	}

	#emit(): void {
		this.#version++;
		this.#snapshot = this.#makeSnapshot();
		for (const run of this.#subscribers) run(this.#snapshot);
	}
}

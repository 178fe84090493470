// Names of linked records (accounts, contacts) for ids a screen shows, fetched once per id and
// remembered; rows on screen ask for the names they need.

export type FetchName = (id: string) => Promise<string>;

export class NameCache {
	#fetch: FetchName;
	#names = new Map<string, string>();
	#pending = new Set<string>();
	#failed = new Set<string>();
	#listeners = new Set<() => void>();

	constructor(fetch: FetchName) {
		this.#fetch = fetch;
	}

	/** The name of `id` when known. */
	get(id: string | null | undefined): string | undefined {
		return id ? this.#names.get(id) : undefined;
	}

	/** Records a name already at hand (e.g. from a search pick). */
	set(id: string, name: string): void {
		if (this.#names.get(id) === name) return;
		this.#names.set(id, name);
		this.#emit();
	}

	/** Fetches the names of the ids not known yet (each id once, also while one is running). */
	async request(ids: Iterable<string | null | undefined>): Promise<void> {
		const wanted = [...new Set(ids)].filter(
			(id): id is string =>
				!!id && !this.#names.has(id) && !this.#pending.has(id) && !this.#failed.has(id)
		);
		if (wanted.length === 0) return;
		for (const id of wanted) this.#pending.add(id);
		await Promise.all(
			wanted.map(async (id) => {
				try {
					this.#names.set(id, await this.#fetch(id));
				} catch {
					this.#failed.add(id);
				} finally {
					this.#pending.delete(id);
				}
			})
		);
		this.#emit();
	}

	/** Calls `run` whenever names arrive; returns the function that stops it. */
	onChange(run: () => void): () => void {
		this.#listeners.add(run);
		return () => this.#listeners.delete(run);
	}

	#emit(): void {
		for (const run of this.#listeners) run();
	}
}

// The last mapping used for each set of column headers (and kind of record), kept in the browser's
// storage so the next file with the same columns can reuse it.
import type { ListTarget } from '$lib/bindings';
import { sameMapping, type MappingChoices } from './mapping';

/** What the saved mappings need of `localStorage`. */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export const SAVED_MAPPINGS_KEY = 'outpost.import.mappings';

/** At most this many header sets are remembered (the most recently used). */
export const MAX_SAVED_MAPPINGS = 20;

interface SavedMapping {
	headers: string;
	mapping: MappingChoices;
}

/**
 * The key of a set of headers imported as `target`: the same for the same columns in any order.
 * Contacts keep the key they had before there were other targets.
 */
export function headerSetKey(headers: readonly string[], target: ListTarget = 'contact'): string {
	const sorted = [...new Set(headers)].sort();
	return target === 'contact'
		? JSON.stringify(sorted)
		: JSON.stringify({ target, headers: sorted });
}

function isMapping(value: unknown): value is MappingChoices {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	return Object.values(value).every((v) => v === null || typeof v === 'string');
}

function readAll(storage: KeyValueStorage | null): SavedMapping[] {
	if (!storage) return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(storage.getItem(SAVED_MAPPINGS_KEY) ?? '[]');
	} catch {
		return [];
	}
	if (!Array.isArray(parsed)) return [];
	return parsed.filter(
		(e): e is SavedMapping =>
			typeof e === 'object' &&
			e !== null &&
			typeof (e as SavedMapping).headers === 'string' &&
			isMapping((e as SavedMapping).mapping)
	);
}

/** The mapping last used for these headers, or null. */
export function savedMappingFor(
	storage: KeyValueStorage | null,
	headers: readonly string[],
	target: ListTarget = 'contact'
): MappingChoices | null {
	const key = headerSetKey(headers, target);
	return readAll(storage).find((e) => e.headers === key)?.mapping ?? null;
}

/** Remembers the mapping used for these headers (the newest first; the oldest are dropped). */
export function rememberMapping(
	storage: KeyValueStorage | null,
	headers: readonly string[],
	mapping: MappingChoices,
	target: ListTarget = 'contact'
): void {
	if (!storage || headers.length === 0) return;
	const key = headerSetKey(headers, target);
	const rest = readAll(storage).filter((e) => e.headers !== key);
	const all = [{ headers: key, mapping: { ...mapping } }, ...rest].slice(0, MAX_SAVED_MAPPINGS);
	try {
		storage.setItem(SAVED_MAPPINGS_KEY, JSON.stringify(all));
	} catch {
		// storage full or unavailable: the mapping is simply not offered next time
	}
}

/** The saved mapping to offer: there is one and it differs from the mapping shown. */
export function mappingToOffer(
	storage: KeyValueStorage | null,
	headers: readonly string[],
	shown: MappingChoices,
	target: ListTarget = 'contact'
): MappingChoices | null {
	const saved = savedMappingFor(storage, headers, target);
	return saved && !sameMapping(saved, shown) ? saved : null;
}

/** The window's localStorage, or null where there is none. */
export function browserStorage(): KeyValueStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

// The contacts list query: sort column and direction, quick filter, jump position, tag and field
// conditions.
import type { Condition, ContactListQuery, ContactRow, ContactSort } from '$lib/bindings';

export interface ContactQuery {
	sort: ContactSort;
	desc: boolean;
	q: string;
	starts_with: string;
	/** Only contacts with this tag; '' or absent for any. */
	tag?: string;
	/** Field conditions, all of which must hold. */
	conditions?: Condition[];
}

export const DEFAULT_CONTACT_QUERY: ContactQuery = {
	sort: 'name',
	desc: false,
	q: '',
	starts_with: '',
	tag: '',
	conditions: []
};

/** The arguments of contact_list for one page of `query`. */
export function listArgs(
	query: ContactQuery,
	after: string | null,
	limit: number
): ContactListQuery {
	const tag = query.tag ?? '';
	const conditions = query.conditions ?? [];
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		q: query.q.trim(),
		starts_with: query.starts_with,
		...(tag !== '' ? { tag } : {}),
		...(conditions.length > 0 ? { conditions } : {})
	};
}

/**
 * The query after a click on a sortable column header: the same column flips the direction,
 * another column sorts ascending. The jump position belongs to the old order and is cleared.
 */
export function sortBy(query: ContactQuery, column: ContactSort): ContactQuery {
	if (query.sort === column) return { ...query, desc: !query.desc, starts_with: '' };
	return { ...query, sort: column, desc: false, starts_with: '' };
}

/** Letters of the jump strips. */
export const LATIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
export const RUSSIAN_LETTERS = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ'.split('');
export const UKRAINIAN_LETTERS = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ'.split('');

export type Alphabet = 'latin' | 'cyrillic';

/** The strip a locale starts with: Cyrillic for Russian and Ukrainian, Latin otherwise. */
export function defaultAlphabet(locale: string): Alphabet {
	const language = locale.toLowerCase().split(/[-_]/)[0];
	return language === 'ru' || language === 'uk' ? 'cyrillic' : 'latin';
}

export function alphabetLetters(alphabet: Alphabet, locale: string): string[] {
	if (alphabet === 'latin') return LATIN_LETTERS;
	return locale.toLowerCase().startsWith('uk') ? UKRAINIAN_LETTERS : RUSSIAN_LETTERS;
}

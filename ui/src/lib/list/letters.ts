// Letters of a list's jump strip: Latin, or the Russian or Ukrainian alphabet.

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

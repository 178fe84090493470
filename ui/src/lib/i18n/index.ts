// The message catalog: t(key, params) and plural(base, count, params) in the app's language.
// Languages are registered in CATALOGS; a key missing from a language falls back to English.
import { appLocale } from '$lib/state/locale.svelte';
import { de } from './de';
import { en, type Catalog, type MessageKey, type PluralBase } from './en';
import { ru } from './ru';
import { uk } from './uk';

export type { Catalog, MessageKey, PluralBase } from './en';

export const LANGUAGES = ['en', 'de', 'ru', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every UI language and its catalog. English is complete; the others may be partial. */
export const CATALOGS: Record<Language, Partial<Catalog>> = { en, de, ru, uk };

export type Params = Record<string, string | number>;

/** The UI language for a BCP 47 locale ("de-AT" → "de"); English when the language has no catalog. */
export function languageOf(locale: string): Language {
	const primary = locale.toLowerCase().split(/[-_]/)[0] ?? '';
	return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/** Replaces {name} placeholders; unknown placeholders are left as written. */
export function interpolate(template: string, params?: Params): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
	);
}

function lookup(language: Language, key: string): string | undefined {
	const catalog = CATALOGS[language] as Record<string, string | undefined>;
	const value = catalog[key];
	if (value !== undefined && value !== '') return value;
	return (en as Record<string, string>)[key];
}

/** Translates `key` for an explicit locale. */
export function translate(locale: string, key: MessageKey, params?: Params): string {
	return interpolate(lookup(languageOf(locale), key) ?? key, params);
}

/** Translates `key` in the app's current language. */
export function t(key: MessageKey, params?: Params): string {
	return translate(appLocale(), key, params);
}

/** Picks the plural form of `base` for `count` in an explicit locale; {count} is formatted for it. */
export function translatePlural(
	locale: string,
	base: PluralBase,
	count: number,
	params?: Params
): string {
	const language = languageOf(locale);
	const catalog = CATALOGS[language] as Record<string, string | undefined>;
	const all = { count: formatCount(locale, count), ...params };
	// Use the language's own plural rules only when it translates this message.
	if (catalog[`${base}.other`]) {
		const category = pluralCategory(language, count);
		const value = catalog[`${base}.${category}`] ?? catalog[`${base}.other`] ?? '';
		return interpolate(value, all);
	}
	const enCatalog = en as Record<string, string>;
	const category = pluralCategory('en', count);
	const value = enCatalog[`${base}.${category}`] ?? enCatalog[`${base}.other`] ?? base;
	return interpolate(value, all);
}

/** Counted message in the app's current language, e.g. plural('contacts.total', 3). */
export function plural(base: PluralBase, count: number, params?: Params): string {
	return translatePlural(appLocale(), base, count, params);
}

function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
	try {
		return new Intl.PluralRules(language).select(count);
	} catch {
		return count === 1 ? 'one' : 'other';
	}
}

function formatCount(locale: string, count: number): string {
	try {
		return new Intl.NumberFormat(locale).format(count);
	} catch {
		return String(count);
	}
}

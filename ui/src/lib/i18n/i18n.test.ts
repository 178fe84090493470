import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import {
	CATALOGS,
	LANGUAGES,
	interpolate,
	languageOf,
	translate,
	translatePlural,
	type Catalog
} from './index';

const SRC = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
		else if (/\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'bindings.ts') {
			out.push(path);
		}
	}
	return out;
}

/** Message keys used literally in the code: t('…'), plural('…'), translate(_, '…') and typed key fields. */
function usedKeys(): { key: string; file: string; plural: boolean }[] {
	const used: { key: string; file: string; plural: boolean }[] = [];
	for (const file of sourceFiles(SRC)) {
		const text = readFileSync(file, 'utf8');
		const rel = relative(SRC, file);
		for (const m of text.matchAll(/\bt\(\s*'([^'$`]+)'/g))
			used.push({ key: m[1]!, file: rel, plural: false });
		for (const m of text.matchAll(/\bplural\(\s*'([^'$`]+)'/g))
			used.push({ key: m[1]!, file: rel, plural: true });
		for (const m of text.matchAll(/\blabel:\s*'([a-z]+\.[A-Za-z_.]+)'/g))
			used.push({ key: m[1]!, file: rel, plural: false });
		for (const m of text.matchAll(
			/:\s*'((?:error|recordType|contacts\.col|contact)\.[A-Za-z_.]+)'/g
		)) {
			used.push({ key: m[1]!, file: rel, plural: false });
		}
		// Keys built from a section id: t(`section.${…}`) and t(`section.${…}.about`).
		if (/t\(`section\.\$\{[^}]+\}`\)/.test(text)) {
			for (const id of sectionIds()) used.push({ key: `section.${id}`, file: rel, plural: false });
		}
		if (/t\(`section\.\$\{[^}]+\}\.about`\)/.test(text)) {
			for (const id of sectionIds())
				used.push({ key: `section.${id}.about`, file: rel, plural: false });
		}
	}
	return used;
}

function sectionIds(): string[] {
	const text = readFileSync(join(SRC, 'lib', 'sections.ts'), 'utf8');
	const list = /SECTION_IDS = \[([\s\S]*?)\]/.exec(text)?.[1] ?? '';
	return [...list.matchAll(/'([a-z]+)'/g)].map((m) => m[1]!);
}

function placeholders(message: string): string[] {
	return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('message catalog', () => {
	it('finds the keys the code uses', () => {
		const used = usedKeys();
		expect(used.length).toBeGreaterThan(150);
	});

	it('has every key the code uses in English', () => {
		const missing = usedKeys()
			.filter(
				({ key, plural }) => !(plural ? `${key}.other` in en && `${key}.one` in en : key in en)
			)
			.map(({ key, file }) => `${key} (${file})`);
		expect(missing).toEqual([]);
	});

	it('has a name and a description for every section', () => {
		for (const id of sectionIds()) {
			expect(en).toHaveProperty(`section.${id}`);
			expect(en).toHaveProperty(`section.${id}.about`);
		}
	});

	it('has no empty English message', () => {
		expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
	});

	it('registers de, ru and uk besides en', () => {
		expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'ru', 'uk']);
	});

	it.each(LANGUAGES.filter((l) => l !== 'en'))(
		'%s has only known keys, with the same placeholders as English',
		(language) => {
			const catalog = CATALOGS[language] as Record<string, string>;
			const enAll = en as Record<string, string>;
			for (const [key, message] of Object.entries(catalog)) {
				const base = key.replace(/\.(zero|one|two|few|many|other)$/, '');
				const reference = enAll[key] ?? enAll[`${base}.other`];
				expect(reference, `unknown key ${key}`).toBeDefined();
				expect(placeholders(message)).toEqual(placeholders(reference!));
			}
		}
	);
});

describe('translate', () => {
	it('interpolates placeholders and keeps unknown ones', () => {
		expect(interpolate('Hello {name}, {other}', { name: 'Ada' })).toBe('Hello Ada, {other}');
		expect(interpolate('{n} of {n}', { n: 2 })).toBe('2 of 2');
	});

	it('maps locales to catalog languages', () => {
		expect(languageOf('de-AT')).toBe('de');
		expect(languageOf('uk-UA')).toBe('uk');
		expect(languageOf('ru')).toBe('ru');
		expect(languageOf('fr-FR')).toBe('en');
		expect(languageOf('')).toBe('en');
	});

	it('falls back to English for keys a language lacks', () => {
		expect(translate('de-DE', 'contacts.title')).toBe(en['contacts.title']);
		expect(translate('uk-UA', 'search.noResults', { q: 'x' })).toBe('No matches for “x”.');
	});

	it('uses a translation when there is one', () => {
		const de = CATALOGS.de as Partial<Catalog>;
		const before = de['contacts.title'];
		de['contacts.title'] = 'Kontakte';
		try {
			expect(translate('de-CH', 'contacts.title')).toBe('Kontakte');
		} finally {
			if (before === undefined) delete de['contacts.title'];
			else de['contacts.title'] = before;
		}
	});

	it('picks plural forms with the language rules and formats the count', () => {
		expect(translatePlural('en-US', 'contacts.total', 1)).toBe('1 contact');
		expect(translatePlural('en-US', 'contacts.total', 1234567)).toBe('1,234,567 contacts');
		expect(translatePlural('de-DE', 'contacts.total', 1234567)).toBe('1.234.567 contacts');
	});

	it('uses few/many forms of languages that have them', () => {
		const ru = CATALOGS.ru as Partial<Catalog>;
		const saved = { ...ru };
		Object.assign(ru, {
			'contacts.total.one': '{count} контакт',
			'contacts.total.few': '{count} контакта',
			'contacts.total.many': '{count} контактов',
			'contacts.total.other': '{count} контакта'
		});
		try {
			expect(translatePlural('ru-RU', 'contacts.total', 1)).toBe('1 контакт');
			expect(translatePlural('ru-RU', 'contacts.total', 3)).toBe('3 контакта');
			expect(translatePlural('ru-RU', 'contacts.total', 5)).toBe('5 контактов');
			expect(translatePlural('ru-RU', 'contacts.total', 21)).toBe('21 контакт');
		} finally {
			for (const key of Object.keys(ru)) delete (ru as Record<string, string>)[key];
			Object.assign(ru, saved);
		}
	});
});

describe('t', () => {
	it('follows the app locale', async () => {
		vi.resetModules();
		const locale = await import('$lib/state/locale.svelte');
		const i18n = await import('./index');
		locale.setAppLocale('de-DE');
		expect(i18n.plural('contacts.total', 1000)).toBe('1.000 contacts');
		locale.setAppLocale('en-GB');
		expect(i18n.plural('contacts.total', 1000)).toBe('1,000 contacts');
		expect(i18n.t('section.contacts')).toBe('Contacts');
	});
});

import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch, highlightParts } from './fuzzy';

const items = [
	{ label: 'Go to Home' },
	{ label: 'Go to Contacts', keywords: ['people'] },
	{ label: 'Go to Campaigns' },
	{ label: 'Go to Cases' },
	{ label: 'Go to Settings', keywords: ['preferences'] },
	{ label: 'New contact', keywords: ['create'] },
	{ label: 'Toggle light or dark theme', keywords: ['dark'] }
];

const labels = (q: string) => fuzzyFilter(items, q).map((r) => r.item.label);

describe('fuzzy filter', () => {
	it('keeps the order for an empty query', () => {
		expect(labels('')).toEqual(items.map((i) => i.label));
	});

	it('matches characters in order, ignoring case', () => {
		expect(fuzzyMatch('gtc', 'Go to Contacts')).not.toBeNull();
		expect(fuzzyMatch('ctg', 'Go to Contacts')).toBeNull();
		expect(fuzzyMatch('CONT', 'Go to Contacts')?.positions).toEqual([6, 7, 8, 9]);
	});

	it('ranks word starts and runs first', () => {
		expect(labels('contact').slice(0, 2).sort()).toEqual(['Go to Contacts', 'New contact']);
		expect(labels('gocon')[0]).toBe('Go to Contacts');
		expect(labels('new')[0]).toBe('New contact');
		expect(labels('set')[0]).toBe('Go to Settings');
		expect(labels('cas')[0]).toBe('Go to Cases');
		expect(labels('theme')[0]).toBe('Toggle light or dark theme');
	});

	it('finds items by keyword', () => {
		expect(labels('people')).toEqual(['Go to Contacts']);
		expect(labels('prefs')).toEqual(['Go to Settings']);
	});

	it('drops items that do not match', () => {
		expect(labels('zzz')).toEqual([]);
	});

	it('ignores spaces in the query', () => {
		expect(labels('go con')[0]).toBe('Go to Contacts');
	});

	it('splits a label for highlighting', () => {
		expect(highlightParts('New contact', [0, 1, 2])).toEqual([
			{ text: 'New', hit: true },
			{ text: ' contact', hit: false }
		]);
		const m = fuzzyMatch('кон', 'Перейти к Контактам');
		expect(m).not.toBeNull();
		expect(highlightParts('Перейти к Контактам', m!.positions).filter((p) => p.hit)).toEqual([
			{ text: 'Кон', hit: true }
		]);
	});
});

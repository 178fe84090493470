import { describe, expect, it } from 'vitest';
import { parseChoice, resolveTheme } from './theme.svelte';

describe('theme', () => {
	it('follows the system unless the user chose', () => {
		expect(resolveTheme('system', true)).toBe('dark');
		expect(resolveTheme('system', false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
		expect(resolveTheme('dark', false)).toBe('dark');
	});

	it('reads only known saved values', () => {
		expect(parseChoice('dark')).toBe('dark');
		expect(parseChoice('light')).toBe('light');
		expect(parseChoice(null)).toBe('system');
		expect(parseChoice('blue')).toBe('system');
	});
});

import { describe, expect, it } from 'vitest';
import { SEQUENCE_TIMEOUT_MS, ShortcutMatcher, type KeyLike } from './shortcuts';

function key(k: string, mods: Partial<KeyLike> = {}): KeyLike {
	return { key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('ShortcutMatcher', () => {
	it('opens the palette and saves with Ctrl or Cmd, even in a text field', () => {
		const m = new ShortcutMatcher();
		expect(m.match(key('k', { ctrlKey: true }), true)).toBe('palette');
		expect(m.match(key('K', { metaKey: true }), false)).toBe('palette');
		expect(m.match(key('s', { ctrlKey: true }), true)).toBe('save');
		expect(m.match(key('s', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
	});

	it('reports Escape everywhere', () => {
		const m = new ShortcutMatcher();
		expect(m.match(key('Escape'), true)).toBe('cancel');
		expect(m.match(key('Escape'), false)).toBe('cancel');
	});

	it('uses single keys only outside text fields', () => {
		const m = new ShortcutMatcher();
		expect(m.match(key('/'), false)).toBe('search');
		expect(m.match(key('n'), false)).toBe('new');
		expect(m.match(key('/'), true)).toBeNull();
		expect(m.match(key('n'), true)).toBeNull();
		expect(m.match(key('n', { altKey: true }), false)).toBeNull();
		expect(m.match(key('N', { shiftKey: true }), false)).toBeNull();
	});

	it('understands "g" sequences', () => {
		const m = new ShortcutMatcher();
		expect(m.match(key('g'), false, 1000)).toBeNull();
		expect(m.match(key('c'), false, 1100)).toBe('go-contacts');
		expect(m.match(key('g'), false, 2000)).toBeNull();
		expect(m.match(key('h'), false, 2100)).toBe('go-home');
		expect(m.match(key('g'), false, 3000)).toBeNull();
		expect(m.match(key('s'), false, 3100)).toBe('go-settings');
	});

	it('forgets a "g" that timed out or was followed by another key', () => {
		const m = new ShortcutMatcher();
		m.match(key('g'), false, 0);
		expect(m.match(key('c'), false, SEQUENCE_TIMEOUT_MS + 1)).toBeNull();
		m.match(key('g'), false, 0);
		expect(m.match(key('x'), false, 10)).toBeNull();
		expect(m.match(key('c'), false, 20)).toBeNull();
		m.match(key('g'), false, 0);
		expect(m.match(key('c'), true, 10)).toBeNull();
		// A lone "n" after a dropped sequence still works.
		m.match(key('g'), false, 0);
		expect(m.match(key('n'), false, 10)).toBeNull();
		expect(m.match(key('n'), false, 20)).toBe('new');
	});
});

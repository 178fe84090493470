// Global keyboard shortcuts. Keys with Ctrl/Cmd work everywhere; single keys and the "g" sequences
// only when the focus is not in a text field.

export type ShortcutAction =
	'palette' | 'search' | 'new' | 'save' | 'cancel' | 'go-home' | 'go-contacts' | 'go-settings';

export interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
}

/** How long the second key of a "g" sequence may follow the first. */
export const SEQUENCE_TIMEOUT_MS = 1200;

const GO_TARGETS: Record<string, ShortcutAction> = {
	h: 'go-home',
	c: 'go-contacts',
	s: 'go-settings'
};

/** True when typing into `target` should not trigger single-key shortcuts. */
export function isEditable(target: EventTarget | null): boolean {
	if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
	if (target instanceof HTMLElement && target.isContentEditable) return true;
	const tag = target.tagName;
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag === 'INPUT') {
		const type = ((target as HTMLInputElement).type || 'text').toLowerCase();
		return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
			type
		);
	}
	return false;
}

export class ShortcutMatcher {
	#pending: string | null = null;
	#pendingAt = 0;

	/** The action for a keydown, or null. `editable`: the focus is in a text field. */
	match(event: KeyLike, editable: boolean, now: number = Date.now()): ShortcutAction | null {
		const mod = event.ctrlKey || event.metaKey;
		const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;

		if (mod && !event.altKey && !event.shiftKey) {
			this.#pending = null;
			if (key === 'k') return 'palette';
			if (key === 's') return 'save';
			return null;
		}
		if (key === 'Escape') {
			this.#pending = null;
			return 'cancel';
		}
		if (mod || event.altKey || editable) {
			this.#pending = null;
			return null;
		}

		if (this.#pending === 'g' && now - this.#pendingAt <= SEQUENCE_TIMEOUT_MS) {
			this.#pending = null;
			return GO_TARGETS[key] ?? null;
		}
		this.#pending = null;

		if (event.shiftKey && key !== '/' && key !== '?') return null;
		switch (key) {
			case '/':
				return 'search';
			case 'n':
				return 'new';
			case 'g':
				this.#pending = 'g';
				this.#pendingAt = now;
				return null;
			default:
				return null;
		}
	}
}

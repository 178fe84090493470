// Light and dark theme: follows the system until the user picks one; the pick is remembered.
// The early script static/theme-init.js applies the same rule before the app starts.

export type Theme = 'light' | 'dark';
export type ThemeChoice = Theme | 'system';

export const THEME_STORAGE_KEY = 'outpost.theme';

/** The theme to show for a saved choice and the system preference. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
	if (choice === 'light' || choice === 'dark') return choice;
	return systemDark ? 'dark' : 'light';
}

export function parseChoice(saved: string | null): ThemeChoice {
	return saved === 'light' || saved === 'dark' ? saved : 'system';
}

const state = $state({ choice: 'system' as ThemeChoice, systemDark: false });

export const theme = {
	get current(): Theme {
		return resolveTheme(state.choice, state.systemDark);
	},
	get choice(): ThemeChoice {
		return state.choice;
	}
};

function apply(): void {
	if (typeof document !== 'undefined') {
		document.documentElement.setAttribute('data-theme', theme.current);
	}
}

function save(choice: ThemeChoice): void {
	try {
		if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
		else localStorage.setItem(THEME_STORAGE_KEY, choice);
	} catch {
		// storage unavailable: the choice lasts until the app closes
	}
}

/** Reads the saved choice, watches the system preference and applies the theme. */
export function initTheme(): () => void {
	let saved: string | null = null;
	try {
		saved = localStorage.getItem(THEME_STORAGE_KEY);
	} catch {
		saved = null;
	}
	state.choice = parseChoice(saved);
	const media =
		typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
	state.systemDark = media?.matches ?? false;
	apply();
	if (!media) return () => undefined;
	const onChange = (e: MediaQueryListEvent) => {
		state.systemDark = e.matches;
		apply();
	};
	media.addEventListener('change', onChange);
	return () => media.removeEventListener('change', onChange);
}

/** Switches between light and dark and remembers the choice. */
export function toggleTheme(): void {
	state.choice = theme.current === 'dark' ? 'light' : 'dark';
	save(state.choice);
	apply();
}

/** Goes back to following the system. */
export function followSystemTheme(): void {
	state.choice = 'system';
	save('system');
	apply();
}

// The locale the app formats and translates with: the one chosen in Settings, else the system's.

const state = $state({ chosen: '' });

function systemLocale(): string {
	if (typeof navigator !== 'undefined' && navigator.language) return navigator.language;
	return 'en-US';
}

/** Sets the locale chosen in Settings ('' to follow the system). */
export function setAppLocale(locale: string | null | undefined): void {
	state.chosen = locale ?? '';
}

/** The effective BCP 47 locale, e.g. "de-AT". */
export function appLocale(): string {
	const chosen = state.chosen;
	if (chosen) {
		try {
			return Intl.getCanonicalLocales(chosen)[0] ?? systemLocale();
		} catch {
			return systemLocale();
		}
	}
	return systemLocale();
}

// The app's settings as last read from or saved to the core; their locale drives the UI language
// and all formatting.
import type { Settings } from '$lib/bindings';
import { setAppLocale } from './locale.svelte';

const state = $state<{ current: Settings | null }>({ current: null });

export const appSettings = {
	get current(): Settings | null {
		return state.current;
	}
};

export function setAppSettings(settings: Settings): void {
	state.current = settings;
	setAppLocale(settings.locale);
}

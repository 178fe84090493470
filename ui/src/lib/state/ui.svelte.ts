// Shell-wide UI state: the command palette and the global search box.

const state = $state({ paletteOpen: false, searchFocusRequest: 0 });

export const shell = {
	get paletteOpen(): boolean {
		return state.paletteOpen;
	},
	get searchFocusRequest(): number {
		return state.searchFocusRequest;
	}
};

export function openPalette(): void {
	state.paletteOpen = true;
}

export function closePalette(): void {
	state.paletteOpen = false;
}

export function togglePalette(): void {
	state.paletteOpen = !state.paletteOpen;
}

/** Asks the global search box to take the focus. */
export function focusSearch(): void {
	state.searchFocusRequest += 1;
}

// Change counters: screens showing a kind of record reload when its counter moves (e.g. after an
// undo from a toast restored records while the list is on screen).

const state = $state({ contacts: 0 });

export const dataVersion = {
	get contacts(): number {
		return state.contacts;
	}
};

export function contactsChanged(): void {
	state.contacts += 1;
}

// Change counters for leads and opportunities: screens showing them reload when a counter moves
// (e.g. after an undo from a toast, or a conversion made elsewhere).

const state = $state({ leads: 0, opportunities: 0 });

export const salesVersion = {
	get leads(): number {
		return state.leads;
	},
	get opportunities(): number {
		return state.opportunities;
	}
};

export function leadsChanged(): void {
	state.leads += 1;
}

export function opportunitiesChanged(): void {
	state.opportunities += 1;
}

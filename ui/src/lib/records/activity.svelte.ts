// Change counters for the record screens: panels reload when the counter they watch moves.
//   touched   a record's notes, files, relationships or fields changed (its timeline reloads)
//   accounts  accounts were created, changed or deleted (account lists reload)
//   reverted  a batch was undone (open records reload what they show)

const state = $state({ touched: 0, accounts: 0, reverted: 0 });

export const activity = {
	get touched(): number {
		return state.touched;
	},
	get accounts(): number {
		return state.accounts;
	},
	get reverted(): number {
		return state.reverted;
	}
};

export function recordTouched(): void {
	state.touched += 1;
}

export function accountsChanged(): void {
	state.accounts += 1;
	state.touched += 1;
}

export function batchReverted(): void {
	state.reverted += 1;
	state.touched += 1;
}

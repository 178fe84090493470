// Change counters: a screen showing some kind of record reloads when the counter it watches moves
// (after a save on another screen, an undo from a toast, a conversion, a merge or an import).
//   contacts, accounts, …   records of that type were created, changed or deleted
//   activities tasks, meetings or calls
//   touched    a record's notes, files, relationships or fields changed (timelines reload)
//   reverted   a batch was undone (open records reload what they show)

export type RecordChange =
	| 'contacts'
	| 'accounts'
	| 'leads'
	| 'opportunities'
	| 'products'
	| 'quotes'
	| 'orders'
	| 'invoices'
	| 'contracts'
	| 'activities';

const state = $state({
	contacts: 0,
	accounts: 0,
	leads: 0,
	opportunities: 0,
	products: 0,
	quotes: 0,
	orders: 0,
	invoices: 0,
	contracts: 0,
	activities: 0,
	touched: 0,
	reverted: 0
});

/** The counters, to read in an effect. */
export const changes: Readonly<typeof state> = state;

/** Records of these types changed. */
export function markChanged(...kinds: RecordChange[]): void {
	for (const kind of kinds) state[kind] += 1;
	state.touched += 1;
}

/** A record's notes, files, relationships or fields changed. */
export function recordTouched(): void {
	state.touched += 1;
}

/** A batch was undone: anything on screen may have changed. */
export function batchReverted(): void {
	state.reverted += 1;
	state.touched += 1;
}

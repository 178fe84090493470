// The record just created or saved, handed to the screen that shows it next so it does not load
// it again.

const held = new Map<string, { id: string }>();

export function handOff<T extends { id: string }>(kind: string, record: T): void {
	held.set(kind, record);
}

/** The record handed off for `kind` if it has this id (taken once). */
export function takeHandOff<T extends { id: string }>(kind: string, id: string): T | null {
	const record = held.get(kind);
	if (record && record.id === id) {
		held.delete(kind);
		return record as T;
	}
	return null;
}

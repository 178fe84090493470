// The contact just created or saved, handed to the next screen so it does not load it again.
import type { Contact } from '$lib/bindings';

let recent: Contact | null = null;

export function rememberContact(contact: Contact): void {
	recent = contact;
}

/** The remembered contact if it has this id (taken once). */
export function takeRecentContact(id: string): Contact | null {
	if (recent && recent.id === id) {
		const c = recent;
		recent = null;
		return c;
	}
	return null;
}

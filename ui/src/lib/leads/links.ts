// Addresses of the lead and opportunity screens, and of the records a lead or a deal links to.
import { resolve } from '$app/paths';
import { recordHref } from '$lib/records/nav';

export function leadHref(id: string): string {
	return resolve('/leads/[id]', { id });
}

export function opportunityHref(id: string): string {
	return resolve('/opportunities/[id]', { id });
}

/** The screen of an account or contact, or null when there is none. */
export function partyHref(type: 'account' | 'contact', id: string): string | null {
	return recordHref(type, id);
}

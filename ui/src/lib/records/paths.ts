// Where each kind of record opens in the app. Paths are route paths ("/accounts/<id>"); the views
// resolve them to links.

/** Record types that have a screen of their own. */
export const RECORD_SCREENS = {
	account: 'accounts',
	contact: 'contacts',
	lead: 'leads',
	opportunity: 'opportunities',
	product: 'products',
	quote: 'quotes',
	sales_order: 'orders',
	invoice: 'invoices',
	contract: 'contracts'
} as const;

export type ScreenRecordType = keyof typeof RECORD_SCREENS;

export function hasScreen(recordType: string): recordType is ScreenRecordType {
	return Object.prototype.hasOwnProperty.call(RECORD_SCREENS, recordType);
}

/** The route path of a record ("/accounts/<id>"), or null when its type has no screen. */
export function recordPath(recordType: string, id: string): string | null {
	if (!hasScreen(recordType) || id === '') return null;
	return `/${RECORD_SCREENS[recordType]}/${encodeURIComponent(id)}`;
}

/** The route path of the merge screen for two records of a type. */
export function mergePath(recordType: 'contact' | 'account', winnerId: string, loserId: string) {
	const params = new URLSearchParams({ winner: winnerId, loser: loserId });
	return `/${RECORD_SCREENS[recordType]}/merge?${params.toString()}`;
}

/**
 * The query parameters of a hash route ("#/contacts/merge?winner=a&loser=b"): with hash routing
 * they live in the hash, not in the URL's search part.
 */
export function hashParams(hash: string): URLSearchParams {
	const at = hash.indexOf('?');
	return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

// Links and navigation to records by their route path (see paths.ts).
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { recordPath } from './paths';

/** The href of a route path, e.g. "/accounts/<id>" → "#/accounts/<id>". */
export function hrefOf(path: string): string {
	const at = path.indexOf('?');
	const route = at >= 0 ? path.slice(0, at) : path;
	const query = at >= 0 ? path.slice(at) : '';
	return resolve(route as `/contacts/${string}`) + query;
}

/** The href of a record's screen, or null when its type has none. */
export function recordHref(recordType: string, id: string): string | null {
	const path = recordPath(recordType, id);
	return path === null ? null : hrefOf(path);
}

/** Navigates to a route path. */
export function goPath(path: string, options?: { replaceState?: boolean }): Promise<void> {
	return goto(hrefOf(path), options);
}

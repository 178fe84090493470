// Names of linked records (a parent account, a contact's company), read once and kept.
import { call } from '$lib/api';

const cache = new Map<string, Promise<string>>();

/** The display name of an account or contact; '' when it cannot be read. */
export function recordName(recordType: 'account' | 'contact', id: string): Promise<string> {
	const key = `${recordType}:${id}`;
	let name = cache.get(key);
	if (!name) {
		name = (
			recordType === 'account'
				? call('account_get', { id }).then((a) => a.name)
				: call('contact_get', { id }).then((c) => c.display_name)
		).catch(() => {
			cache.delete(key);
			return '';
		});
		cache.set(key, name);
	}
	return name;
}

/** Remembers a name that is known already (e.g. just picked or saved). */
export function knowName(recordType: 'account' | 'contact', id: string, name: string): void {
	cache.set(`${recordType}:${id}`, Promise.resolve(name));
}

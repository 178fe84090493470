// Names of linked records (a parent account, a contact's company, a task's lead), read once and kept.
import { call } from '$lib/api';

const cache = new Map<string, Promise<string>>();

export type NamedType = 'account' | 'contact' | 'lead' | 'opportunity' | 'contract';

const READ: Record<NamedType, (id: string) => Promise<string>> = {
	account: (id) => call('account_get', { id }).then((a) => a.name),
	contact: (id) => call('contact_get', { id }).then((c) => c.display_name),
	lead: (id) => call('lead_get', { id }).then((l) => l.display_name),
	contract: (id) => call('contract_get', { id }).then((c) => `${c.number} ${c.subject}`.trim()),
	opportunity: (id) => call('opportunity_get', { id }).then((o) => o.name)
};

/** The display name of an account, contact or opportunity; '' when it cannot be read. */
export function recordName(recordType: NamedType, id: string): Promise<string> {
	const key = `${recordType}:${id}`;
	let name = cache.get(key);
	if (!name) {
		name = READ[recordType](id).catch(() => {
			cache.delete(key);
			return '';
		});
		cache.set(key, name);
	}
	return name;
}

/** Remembers a name that is known already (e.g. just picked or saved). */
export function knowName(recordType: NamedType, id: string, name: string): void {
	cache.set(`${recordType}:${id}`, Promise.resolve(name));
}

/** Whether records of this type have a name to show. */
export function isNamedType(recordType: string): recordType is NamedType {
	return Object.prototype.hasOwnProperty.call(READ, recordType);
}

// Search functions for the record pickers: accounts by the list's quick filter, accounts and
// contacts together by the global search.
import { call } from '$lib/api';
import { t } from '$lib/i18n';

export interface PickerOption {
	type: 'account' | 'contact' | 'lead' | 'opportunity' | 'product';
	id: string;
	name: string;
	subtitle: string;
}

export const PICKER_LIMIT = 8;

/** Accounts whose name (or other searchable text) starts with the typed words. */
export async function searchAccounts(q: string): Promise<PickerOption[]> {
	const page = await call('account_list', {
		desc: false,
		after: null,
		limit: PICKER_LIMIT,
		q: q.trim(),
		starts_with: ''
	});
	return page.rows.map((row) => ({
		type: 'account',
		id: row.id,
		name: row.name || t('accounts.unnamed'),
		subtitle: [row.industry, row.city].filter(Boolean).join(' · ')
	}));
}

/** Contacts whose name, e-mail, phone or other text starts with the typed words. */
export async function searchContacts(q: string): Promise<PickerOption[]> {
	const page = await call('contact_list', {
		sort: 'name',
		desc: false,
		after: null,
		limit: PICKER_LIMIT,
		q: q.trim(),
		starts_with: ''
	});
	return page.rows.map((row) => ({
		type: 'contact',
		id: row.id,
		name: row.display_name || t('contacts.unnamed'),
		subtitle: [row.title, row.email].filter(Boolean).join(' · ')
	}));
}

/** Records of these types matching the typed text, grouped in this order. */
async function searchTypes(
	q: string,
	types: readonly ('account' | 'contact' | 'lead' | 'opportunity')[]
): Promise<PickerOption[]> {
	const results = await call('search', { q: q.trim(), limit: PICKER_LIMIT });
	const out: PickerOption[] = [];
	for (const type of types) {
		for (const group of results.groups) {
			if (group.record_type !== type) continue;
			for (const hit of group.hits) {
				out.push({ type, id: hit.id, name: hit.title, subtitle: hit.subtitle });
			}
		}
	}
	return out;
}

/** Accounts and contacts matching the typed text, accounts first. */
export function searchParties(q: string): Promise<PickerOption[]> {
	return searchTypes(q, ['account', 'contact']);
}

/** Any record an activity can be linked to: accounts, contacts, leads and opportunities. */
export function searchLinkable(q: string): Promise<PickerOption[]> {
	return searchTypes(q, ['account', 'contact', 'lead', 'opportunity']);
}

/** The people an activity can be about or a meeting can invite: contacts and leads. */
export function searchPeople(q: string): Promise<PickerOption[]> {
	return searchTypes(q, ['contact', 'lead']);
}

/** Active products whose name, code or description starts with the typed words. */
export async function searchProducts(q: string): Promise<PickerOption[]> {
	const page = await call('product_list', {
		sort: 'name',
		desc: false,
		after: null,
		limit: PICKER_LIMIT,
		q: q.trim(),
		active: true
	});
	return page.rows.map((row) => ({
		type: 'product',
		id: row.id,
		name: row.name || t('products.unnamed'),
		subtitle: [row.code, row.unit].filter(Boolean).join(' · ')
	}));
}

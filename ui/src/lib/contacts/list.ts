// The contacts list query, its arguments for contact_list, and the fields it can be filtered by.
import type { ContactListQuery, ContactSort } from '$lib/bindings';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export interface ContactQuery extends ListQuery {
	sort: ContactSort;
}

export const DEFAULT_CONTACT_QUERY: ContactQuery = { ...BASE_QUERY, sort: 'name' };

/** The arguments of contact_list for one page of `query`. */
export function listArgs(
	query: ContactQuery,
	after: string | null,
	limit: number
): ContactListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		starts_with: query.starts_with,
		...filterArgs(query)
	};
}

/** The contact fields the core filters by, in the order they are offered. */
export const CONTACT_FILTER_FIELDS: readonly FilterField[] = [
	{ id: 'first_name', label: 'contacts.field.first_name' },
	{ id: 'last_name', label: 'contacts.field.last_name' },
	{ id: 'title', label: 'contacts.field.title' },
	{ id: 'department', label: 'contacts.field.department' },
	{ id: 'email', label: 'contacts.field.email' },
	{ id: 'phone', label: 'contacts.field.phone' },
	{ id: 'city', label: 'contacts.field.city' },
	{ id: 'lead_source', label: 'contacts.field.lead_source' },
	{ id: 'birthday', label: 'contacts.field.birthday' },
	{ id: 'account_id', label: 'contacts.field.account_id', kind: 'link' }
];

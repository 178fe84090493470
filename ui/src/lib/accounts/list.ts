// The accounts list query: name order (ascending or descending) and the quick filter.
import type { AccountListQuery } from '$lib/bindings';

export interface AccountQuery {
	desc: boolean;
	q: string;
}

export const DEFAULT_ACCOUNT_QUERY: AccountQuery = { desc: false, q: '' };

/** The arguments of account_list for one page of `query`. */
export function listArgs(
	query: AccountQuery,
	after: string | null,
	limit: number
): AccountListQuery {
	return { desc: query.desc, after, limit, q: query.q.trim(), starts_with: '' };
}

/** The list sorts by name only: a click on its header flips the direction. */
export function flipOrder(query: AccountQuery): AccountQuery {
	return { ...query, desc: !query.desc };
}

/** "https://www.acme.example/about" → "www.acme.example/about", for showing in a cell. */
export function websiteText(website: string): string {
	return website
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\/$/, '');
}

/** A link for a website as stored ("acme.example" → "https://acme.example"); null for none. */
export function websiteHref(website: string): string | null {
	const site = website.trim();
	if (site === '') return null;
	return /^https?:\/\//i.test(site) ? site : `https://${site}`;
}

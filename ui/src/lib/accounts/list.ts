// The accounts list query and its arguments for account_list, the fields it can be filtered by,
// and how a website is shown and linked.
import type { AccountListQuery, AccountSort } from '$lib/bindings';
import { t } from '$lib/i18n';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export interface AccountQuery extends ListQuery {
	sort: AccountSort;
}

export const DEFAULT_ACCOUNT_QUERY: AccountQuery = { ...BASE_QUERY, sort: 'name' };

export const ACCOUNT_TYPES = [
	'customer',
	'prospect',
	'partner',
	'competitor',
	'reseller',
	'other'
] as const;

/** The arguments of account_list for one page of `query`. */
export function listArgs(
	query: AccountQuery,
	after: string | null,
	limit: number
): AccountListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		starts_with: query.starts_with,
		...filterArgs(query)
	};
}

/** The account fields the core filters by, in the order they are offered. */
export function accountFilterFields(): FilterField[] {
	return [
		{ id: 'name', label: 'accounts.name' },
		{
			id: 'account_type',
			label: 'accounts.account_type',
			kind: 'choice',
			choices: ACCOUNT_TYPES.map((type) => ({ value: type, label: t(`accounts.type.${type}`) }))
		},
		{ id: 'industry', label: 'accounts.industry' },
		{ id: 'city', label: 'accounts.col.city' },
		{ id: 'website', label: 'accounts.website' },
		{ id: 'tax_id', label: 'accounts.tax_id' },
		{
			id: 'rating',
			label: 'accounts.rating',
			kind: 'choice',
			choices: (['hot', 'warm', 'cold'] as const).map((r) => ({
				value: r,
				label: t(`accounts.rating.${r}`)
			}))
		},
		{ id: 'parent_id', label: 'accounts.parent_id', kind: 'link' }
	];
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

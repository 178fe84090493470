// The products list query (the common list query and whether active ones only), its arguments for
// product_list, and the fields it can be filtered by.
import type { ProductListQuery, ProductSort } from '$lib/bindings';
import { t } from '$lib/i18n';
import type { FilterField } from '$lib/list/filters';
import { BASE_QUERY, filterArgs, type ListQuery } from '$lib/list/query';

export interface ProductQuery extends ListQuery {
	sort: ProductSort;
	/** Only active (true) or inactive (false) products; null for all. */
	active: boolean | null;
}

export const DEFAULT_PRODUCT_QUERY: ProductQuery = { ...BASE_QUERY, sort: 'name', active: null };

export function productListArgs(
	query: ProductQuery,
	after: string | null,
	limit: number
): ProductListQuery {
	return {
		sort: query.sort,
		desc: query.desc,
		after,
		limit,
		...filterArgs(query),
		active: query.active
	};
}

export function productFilterFields(): FilterField[] {
	return [
		{ id: 'code', label: 'products.field.code' },
		{ id: 'name', label: 'products.field.name' },
		{
			id: 'kind',
			label: 'products.field.kind',
			kind: 'choice',
			choices: (['product', 'service'] as const).map((k) => ({
				value: k,
				label: t(`products.kind.${k}`)
			}))
		},
		{ id: 'unit', label: 'products.field.unit' },
		{ id: 'currency', label: 'products.field.currency' }
	];
}

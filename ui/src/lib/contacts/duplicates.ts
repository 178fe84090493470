// Likely duplicates of a contact being created: when the form holds enough to compare it with
// the stored contacts, and the duplicates_find query for it.
import type { ContactInput, Duplicate, DuplicateQuery, LabeledValue } from '$lib/bindings';

/** How long typing has to pause before the contacts are searched. */
export const DUPLICATE_CHECK_DELAY_MS = 400;

function filled(items: readonly LabeledValue[]): LabeledValue[] {
	return items
		.map((item) => ({ value: item.value.trim(), label: '', primary: item.primary }))
		.filter((item) => item.value !== '');
}

/**
 * The duplicates_find query for a contact being typed, or null while there is too little to
 * compare: a last name is needed, with an e-mail, a phone or a first name. Only the fields the
 * match looks at are sent, so typing anywhere else asks nothing new.
 */
export function duplicateQuery(input: ContactInput): DuplicateQuery | null {
	const first_name = input.first_name.trim();
	const last_name = input.last_name.trim();
	const emails = filled(input.emails);
	const phones = filled(input.phones);
	if (last_name === '') return null;
	if (first_name === '' && emails.length === 0 && phones.length === 0) return null;
	return {
		contact: {
			account_id: input.account_id ?? null,
			salutation: '',
			first_name,
			last_name,
			title: '',
			department: '',
			emails,
			phones,
			addresses: [],
			birthday: null,
			lead_source: '',
			notes: '',
			tags: []
		}
	};
}

/** The same text for the same query: a new search is needed only when it changes. */
export function duplicateQueryKey(query: DuplicateQuery | null): string {
	return query === null ? '' : JSON.stringify(query);
}

/** The contacts among the hits. */
export function contactHits(hits: readonly Duplicate[]): Duplicate[] {
	return hits.filter((hit) => hit.record_type === 'contact');
}

// Search function for the contact picker of an opportunity: contacts by the list's quick filter.
import { call } from '$lib/api';
import { t } from '$lib/i18n';
import { PICKER_LIMIT, type PickerOption } from '$lib/records/picker';

/** Contacts whose name, e-mail or phone matches the typed words. */
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
		subtitle: [row.email, row.title].filter(Boolean).join(' · ')
	}));
}

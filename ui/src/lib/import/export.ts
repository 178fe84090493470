// Exporting the contacts list to a CSV file: the arguments of export_contacts for the list on
// screen (its quick filter, tag and conditions, jump position and sort).
import type { ExportArgs } from '$lib/bindings';
import { listArgs, type ContactQuery } from '$lib/contacts/list';

export const EXPORT_DELIMITERS = [',', ';', 'tab'] as const;
export type ExportDelimiter = (typeof EXPORT_DELIMITERS)[number];

export const EXPORT_FILE_NAME = 'contacts.csv';

/** The core pages through the whole list itself; the page size it is given does not matter. */
const EXPORT_PAGE = 1000;

export function exportArgs(
	path: string,
	query: ContactQuery,
	delimiter: ExportDelimiter,
	bom: boolean
): ExportArgs {
	return { path, query: listArgs(query, null, EXPORT_PAGE), delimiter, bom };
}

// Exporting the contacts list to a CSV, Excel or vCard file: the arguments of export_contacts for the list on
// screen (its quick filter, tag and conditions, jump position and sort).
import type { ExportArgs, ExportFormat } from '$lib/bindings';
import { listArgs, type ContactQuery } from '$lib/contacts/list';

export const EXPORT_DELIMITERS = [',', ';', 'tab'] as const;
export type ExportDelimiter = (typeof EXPORT_DELIMITERS)[number];

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'vcf'];

/** The file name offered in the save dialog; the format's extension is also the file type. */
export function exportFileName(format: ExportFormat): string {
	return `contacts.${format}`;
}

/** The core pages through the whole list itself; the page size it is given does not matter. */
const EXPORT_PAGE = 1000;

/** The arguments of export_contacts; the delimiter and byte-order mark apply to CSV only. */
export function exportArgs(
	path: string,
	query: ContactQuery,
	format: ExportFormat,
	delimiter: ExportDelimiter,
	bom: boolean
): ExportArgs {
	const csv = format === 'csv';
	return {
		path,
		format,
		query: listArgs(query, null, EXPORT_PAGE),
		delimiter: csv ? delimiter : null,
		bom: csv && bom
	};
}

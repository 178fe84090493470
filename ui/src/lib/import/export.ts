// Exporting a list to a CSV, Excel or vCard file: the arguments of export_contacts for the list on
// screen (its quick filter, tag, owner and conditions, jump position and sort).
import type { ExportArgs, ExportFormat, ListTarget } from '$lib/bindings';

export const EXPORT_DELIMITERS = [',', ';', 'tab'] as const;
export type ExportDelimiter = (typeof EXPORT_DELIMITERS)[number];

const FILE_NAMES: Record<ListTarget, string> = {
	contact: 'contacts',
	account: 'accounts',
	lead: 'leads',
	product: 'products'
};

/** The formats a list exports to: vCard holds people, so contacts only. */
export function exportFormats(target: ListTarget): readonly ExportFormat[] {
	return target === 'contact' ? ['csv', 'xlsx', 'vcf'] : ['csv', 'xlsx'];
}

/** The file name offered in the save dialog; the format's extension is also the file type. */
export function exportFileName(target: ListTarget, format: ExportFormat): string {
	return `${FILE_NAMES[target]}.${format}`;
}

/**
 * The arguments of export_contacts for `target`; `listQuery` is what the list command takes for
 * the list on screen (the core pages through it itself). The delimiter and byte-order mark apply
 * to CSV only.
 */
export function exportArgs(
	path: string,
	target: ListTarget,
	listQuery: NonNullable<ExportArgs['query']>,
	format: ExportFormat,
	delimiter: ExportDelimiter,
	bom: boolean
): ExportArgs {
	const csv = format === 'csv';
	return {
		path,
		target,
		format,
		query: listQuery,
		delimiter: csv ? delimiter : null,
		bom: csv && bom
	};
}

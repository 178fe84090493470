// The choices of the import's first step and the arguments of import_contacts built from them.
import type { ImportArgs, MatchOn, OnMatch, Preset } from '$lib/bindings';
import { mappingArg, type MappingChoices } from './mapping';

export interface ImportOptions {
	path: string;
	/** '' reads the headers without a preset. */
	preset: Preset | '';
	/** '' detects the encoding. */
	encoding: string;
	/** '' detects the delimiter. */
	delimiter: string;
	/** A workbook's sheet by name; '' takes the first. */
	sheet: string;
	match_on: MatchOn;
	on_match: OnMatch;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
	path: '',
	preset: '',
	encoding: '',
	delimiter: '',
	sheet: '',
	match_on: 'email',
	on_match: 'skip'
};

export const PRESETS: readonly Preset[] = ['google', 'outlook', 'linkedin'];
export const ENCODINGS: readonly string[] = [
	'UTF-8',
	'UTF-16LE',
	'UTF-16BE',
	'windows-1252',
	'windows-1251',
	'ISO-8859-1',
	'KOI8-R'
];
export const DELIMITERS: readonly string[] = [',', ';', 'tab', '|'];
export const MATCH_KEYS: readonly MatchOn[] = ['email', 'phone', 'name_company', 'none'];
export const ON_MATCH: readonly OnMatch[] = ['skip', 'update', 'overwrite', 'create'];

/** How many rows a rehearsal shows as they would be stored. */
export const PREVIEW_ROWS = 20;

/** The arguments of import_contacts: a rehearsal (`dryRun`) or the real import. */
export function importArgs(
	options: ImportOptions,
	choices: MappingChoices,
	dateFormat: string | null,
	dryRun: boolean
): ImportArgs {
	return {
		path: options.path,
		encoding: options.encoding || null,
		delimiter: options.delimiter || null,
		sheet: options.sheet.trim() || null,
		preset: options.preset || null,
		mapping: mappingArg(choices),
		match_on: options.match_on,
		on_match: options.on_match,
		date_format: dateFormat && dateFormat.trim() !== '' ? dateFormat.trim() : null,
		dry_run: dryRun,
		preview_rows: dryRun ? PREVIEW_ROWS : 0
	};
}

/** The file name of a path (either kind of slash). */
export function fileName(path: string): string {
	const parts = path.split(/[\\/]/);
	return parts[parts.length - 1] || path;
}

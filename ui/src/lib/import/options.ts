// The choices of the import's first step and the arguments of import_contacts built from them.
import type { ImportArgs, ImportFields, ListTarget, MatchOn, OnMatch, Preset } from '$lib/bindings';
import type { MessageKey } from '$lib/i18n';
import type { RecordChange } from '$lib/state/changes.svelte';
import { mappingArg, type MappingChoices } from './mapping';

export interface ImportOptions {
	/** What the file holds. */
	target: ListTarget;
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
	target: 'contact',
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
export const TARGETS: readonly ListTarget[] = ['contact', 'account', 'lead', 'product'];
export const ON_MATCH: readonly OnMatch[] = ['skip', 'update', 'overwrite', 'create'];

/** The list a target's records are in: its route, its change counter and the words to go there. */
export const TARGET_LISTS: Record<
	ListTarget,
	{ path: '/contacts' | '/accounts' | '/leads' | '/products'; change: RecordChange; go: MessageKey }
> = {
	contact: { path: '/contacts', change: 'contacts', go: 'import.toList.contact' },
	account: { path: '/accounts', change: 'accounts', go: 'import.toList.account' },
	lead: { path: '/leads', change: 'leads', go: 'import.toList.lead' },
	product: { path: '/products', change: 'products', go: 'import.toList.product' }
};

/**
 * The options for another target: its fields' match keys replace the old one when it has no
 * such key (a product is found by its code, not its e-mail address).
 */
export function withTarget(
	options: ImportOptions,
	target: ListTarget,
	fields: ImportFields
): ImportOptions {
	const match_on = fields.match_keys.includes(options.match_on)
		? options.match_on
		: (fields.match_keys[0] ?? 'none');
	return { ...options, target, match_on };
}

/** The words for a match key on this kind of record ("Account name" rather than name and company). */
export function matchKeyLabel(target: ListTarget, key: MatchOn): MessageKey {
	if (target === 'account' && key === 'name_company') return 'import.matchOn.account.name_company';
	return `import.matchOn.${key}`;
}

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
		target: options.target,
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

// Errors from the core: normalising whatever a rejected call yields, mapping a validation error's
// field path to the form control that shows it, and the human text for errors shown in the banner.
import type { CrmError, ErrorCode } from './bindings';
import { t, type MessageKey } from './i18n';

/** True when `value` has the shape of the core's error object. */
export function isCrmError(value: unknown): value is CrmError {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return typeof v.code === 'string' && v.code !== '' && typeof v.message === 'string';
}

/** Turns anything a rejected call can produce into a CrmError; unknown shapes become code 'internal'. */
export function toCrmError(value: unknown): CrmError {
	if (isCrmError(value)) {
		const v = value as CrmError & Record<string, unknown>;
		const error: CrmError = { code: v.code as ErrorCode, message: v.message };
		if (typeof v.field === 'string') error.field = v.field;
		if (typeof v.row === 'number') error.row = v.row;
		if (typeof v.column === 'string') error.column = v.column;
		return error;
	}
	if (typeof value === 'string') {
		// A JSON-encoded error object, or a plain message.
		try {
			const parsed: unknown = JSON.parse(value);
			if (isCrmError(parsed)) return toCrmError(parsed);
		} catch {
			// not JSON
		}
		return { code: 'internal', message: value };
	}
	if (value instanceof Error) {
		return { code: 'internal', message: value.message || value.name };
	}
	return { code: 'internal', message: String(value) };
}

/** Codes that make the whole database unusable: the banner stays until the app is restarted. */
export const FATAL_CODES: readonly string[] = ['schema_too_new', 'not_a_database'];

export function isFatal(error: CrmError): boolean {
	return FATAL_CODES.includes(error.code);
}

/** A validation error that names a field belongs next to that field, not in the banner. */
export function isFieldError(error: CrmError): error is CrmError & { field: string } {
	return error.code === 'validation' && typeof error.field === 'string' && error.field !== '';
}

/**
 * The key of a field path in element ids and test ids: "emails[0]" → "emails-0",
 * "addresses[1].city" → "addresses-1-city", "last_name" → "last_name".
 */
export function fieldKey(field: string): string {
	return field
		.replace(/\[(\d+)\]/g, '-$1')
		.replace(/\./g, '-')
		.replace(/[^A-Za-z0-9_-]/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The keys to try, most specific first, when looking for the control of a field key:
 * "addresses-1-city" → ["addresses-1-city", "addresses-1", "addresses"].
 */
export function fieldKeyCandidates(key: string): string[] {
	const parts = key.split('-');
	const out: string[] = [];
	for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('-'));
	return out;
}

/** Field errors of a form, by field key. */
export type FieldErrors = Record<string, string>;

/**
 * Puts a core error where it belongs: a validation error whose field the form shows goes to
 * `fields` (under the key of the control that shows it); anything else is returned as `other`.
 * `shown` tells which field keys the form has a place for.
 */
export function placeError(
	error: CrmError,
	shown: (key: string) => boolean
): { fields: FieldErrors; focus: string | null; other: CrmError | null } {
	if (isFieldError(error)) {
		const key = fieldKeyCandidates(fieldKey(error.field)).find(shown);
		if (key !== undefined) {
			return { fields: { [key]: error.message }, focus: key, other: null };
		}
	}
	return { fields: {}, focus: null, other: error };
}

/**
 * Where a failed save's error is shown: next to its field (which gets the focus), above the form
 * (any other validation error), or in the error banner (everything else). `shown` tells the
 * field keys the form has; `original` is the error as the core sent it, when `error` was mapped
 * to the form's keys.
 */
export type SaveErrorPlace =
	| { kind: 'field'; fields: FieldErrors; focus: string }
	| { kind: 'form'; message: string }
	| { kind: 'banner'; error: CrmError };

export function placeSaveError(
	error: CrmError,
	shown: (key: string) => boolean,
	original: CrmError = error
): SaveErrorPlace {
	const placed = placeError(error, shown);
	if (placed.focus !== null) return { kind: 'field', fields: placed.fields, focus: placed.focus };
	if (original.code === 'validation') return { kind: 'form', message: describeError(original) };
	return { kind: 'banner', error: original };
}

/** The message every call fails with when the page runs outside the desktop shell. */
export const NOT_IN_SHELL = 'not running inside the Outpost desktop shell';

/** The message keys for errors, by code, used by the banner. Unknown codes show the core's text. */
const ERROR_MESSAGE_KEYS: Partial<Record<ErrorCode, MessageKey>> = {
	validation: 'error.validation',
	not_found: 'error.not_found',
	conflict: 'error.conflict',
	io: 'error.io',
	database: 'error.database',
	not_a_database: 'error.not_a_database',
	schema_too_new: 'error.schema_too_new',
	unknown_command: 'error.unknown_command',
	bad_arguments: 'error.bad_arguments',
	internal: 'error.internal'
};

/** The human text for an error shown outside a form field. */
export function describeError(error: CrmError): string {
	if (error.code === 'internal' && error.message === NOT_IN_SHELL) return t('error.notInShell');
	if (error.code === 'validation' && error.field) {
		return t('error.field', { field: error.field, message: error.message });
	}
	const key = ERROR_MESSAGE_KEYS[error.code];
	return key ? t(key, { message: error.message }) : error.message;
}

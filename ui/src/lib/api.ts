// The one door to the core. Every request goes through the shell's single `call` command with a
// command name from the generated registry; this is the only module that imports @tauri-apps/api,
// so everything else can be tested with this module mocked.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
	Attachment,
	Commands,
	CrmError,
	DocumentKind,
	ImportArgs,
	ImportReport
} from './bindings';
import { NOT_IN_SHELL, toCrmError } from './errors';

export type { CrmError, ErrorCode } from './bindings';
export { isCrmError, toCrmError } from './errors';

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Commands[K]['args'];
export type CommandResult<K extends CommandName> = Commands[K]['result'];

/** Runs one core command. Resolves with its result, rejects with a CrmError. */
export async function call<K extends CommandName>(
	command: K,
	args: CommandArgs<K>
): Promise<CommandResult<K>> {
	if (!isTauri()) {
		throw { code: 'internal', message: NOT_IN_SHELL } satisfies CrmError;
	}
	try {
		return await invoke<CommandResult<K>>('call', { command, args });
	} catch (e) {
		throw toCrmError(e);
	}
}

let firstPaintSent = false;

/**
 * Tells the shell that the first screen of data is on screen (used to measure start-up time).
 * Only the first call does anything; errors are ignored.
 */
export function firstPaint(): void {
	if (firstPaintSent) return;
	firstPaintSent = true;
	if (!isTauri()) return;
	try {
		invoke('first_paint').catch(() => undefined);
	} catch {
		// not running inside the desktop shell
	}
}

/** Runs a command of the desktop shell itself (not of the core's registry). */
async function shell<T>(command: string, args: Record<string, unknown>): Promise<T> {
	if (!isTauri()) {
		throw { code: 'internal', message: NOT_IN_SHELL } satisfies CrmError;
	}
	try {
		return await invoke<T>(command, args);
	} catch (e) {
		throw toCrmError(e);
	}
}

/**
 * Opens the system's file dialog and attaches the chosen files to a record, in `folder` of its
 * document library ('' for none). Resolves with the new attachments (none when cancelled).
 */
export function attachmentPick(
	recordType: string,
	recordId: string,
	folder = ''
): Promise<Attachment[]> {
	return shell<Attachment[]>('attachment_pick', { recordType, recordId, folder });
}

/** Opens the stored copy of an attachment with the system's viewer. */
export async function attachmentOpen(id: string): Promise<void> {
	await shell<null>('attachment_open', { id });
}

/** Asks for a file to read with the system's dialog; null when cancelled. */
export function chooseFileToOpen(title: string, extensions: string[] = []): Promise<string | null> {
	return shell<string | null>('file_choose', {
		save: false,
		title,
		extensions,
		defaultName: null
	});
}

/** Asks where to write a file with the system's dialog; null when cancelled. */
export function chooseFileToSave(
	title: string,
	defaultName: string,
	extensions: string[] = []
): Promise<string | null> {
	return shell<string | null>('file_choose', { save: true, title, extensions, defaultName });
}

/** How far a running import is. */
export interface ImportProgress {
	rows: number;
	elapsed_ms: number;
}

/**
 * Imports contacts (the `import_contacts` command, without `dry_run`), calling `onProgress` as
 * rows are read; `importCancel()` stops it and nothing is written.
 */
export async function importRun(
	args: ImportArgs,
	onProgress: (progress: ImportProgress) => void
): Promise<ImportReport> {
	if (!isTauri()) {
		throw { code: 'internal', message: NOT_IN_SHELL } satisfies CrmError;
	}
	const unlisten = await listen<ImportProgress>('import-progress', (event) =>
		onProgress(event.payload)
	);
	try {
		return await shell<ImportReport>('import_run', { args });
	} finally {
		unlisten();
	}
}

/** Stops the running import; it then fails with a `conflict` error and writes nothing. */
export async function importCancel(): Promise<void> {
	await shell<null>('import_cancel', {});
}

/** What became of a shared document: where its PDF is, and whether the mail client got it attached. */
export interface SharedDocument {
	path: string;
	pages: number;
	attached: boolean;
}

/**
 * Writes a document's PDF to the documents folder, then opens it with the system's viewer
 * (`preview`) or attaches it to a new e-mail to the customer (`email`).
 */
export function documentShare(
	recordType: DocumentKind,
	id: string,
	action: 'preview' | 'email'
): Promise<SharedDocument> {
	return shell<SharedDocument>('document_share', { args: { record_type: recordType, id, action } });
}

/** Shows a desktop notification; where there is none (or outside the shell) nothing happens. */
export async function notify(title: string, body: string): Promise<void> {
	if (!isTauri()) return;
	try {
		await shell<null>('notify', { title, body });
	} catch {
		// The in-app toast is shown anyway.
	}
}

// Actions on several contacts at once. Each runs as one batch in the core, which the toast's
// Undo takes back with batch_undo.
import { call } from '$lib/api';
import type { BulkResult, UndoReport } from '$lib/bindings';

/** Deletes the contacts (soft delete) in one batch. */
export function deleteContacts(ids: readonly string[]): Promise<BulkResult> {
	return call('bulk_delete', { record_type: 'contact', ids: [...ids] });
}

/** Takes a batch back (e.g. restores the contacts a bulk delete removed). */
export function undoBatch(batchId: string): Promise<UndoReport> {
	return call('batch_undo', { batch_id: batchId });
}

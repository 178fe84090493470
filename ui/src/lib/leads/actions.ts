// Actions on several leads (or opportunities) at once. Each runs as one batch in the core, which the toast's Undo
// takes back with batch_undo.
import { call } from '$lib/api';
import type { BulkResult, CrmError, LeadStatus, ListType } from '$lib/bindings';

export { undoBatch } from '$lib/contacts/actions';

/** Moves the leads to `status` in one batch; `reason` is needed for disqualifying. */
export function setLeadsStatus(
	ids: readonly string[],
	status: LeadStatus,
	reason = ''
): Promise<BulkResult> {
	return call('bulk_lead_status', { ids: [...ids], status, reason });
}

/** Deletes the leads (soft delete) in one batch. */
export function deleteLeads(ids: readonly string[]): Promise<BulkResult> {
	return deleteRecords('lead', ids);
}

/** Deletes records of one type (soft delete) in one batch. */
export function deleteRecords(recordType: ListType, ids: readonly string[]): Promise<BulkResult> {
	return call('bulk_delete', { record_type: recordType, ids: [...ids] });
}

/**
 * The lead a batch error is about: the core numbers the rows of a batch from 1 in the order the
 * ids were sent.
 */
export function failedId(error: CrmError, ids: readonly string[]): string | null {
	if (typeof error.row !== 'number' || error.row < 1) return null;
	return ids[error.row - 1] ?? null;
}

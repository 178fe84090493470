// Actions on several accounts at once, run as one batch that the toast's Undo takes back.
import { call } from '$lib/api';
import type { BulkResult } from '$lib/bindings';

/** Deletes the accounts (soft delete) in one batch. */
export function deleteAccounts(ids: readonly string[]): Promise<BulkResult> {
	return call('bulk_delete', { record_type: 'account', ids: [...ids] });
}

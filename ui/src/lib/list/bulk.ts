// Bulk actions of a list: each runs as one batch in the core that the toast's Undo takes back.
import type { BulkResult, CrmError } from '$lib/bindings';

/**
 * Runs a bulk action on `ids`; the toast says `done(changed)` and offers Undo. An error names
 * the record it stopped at, unless it is about one of `shared`, arguments every record shares
 * (such as a reason). Resolves to the error, or null when the batch ran.
 */
export type RunBatch = (
	ids: string[],
	run: () => Promise<BulkResult>,
	done: (changed: number) => string,
	shared?: readonly string[]
) => Promise<CrmError | null>;

// Deleting a record from its form and taking it back: the same steps for every record type.
import { reportError } from '$lib/state/banner.svelte';
import { showToast } from '$lib/state/toast.svelte';

export interface DeleteWithUndo {
	/** Deletes the record in the core. */
	remove: () => Promise<unknown>;
	/** Restores it (the toast's Undo). */
	restore: () => Promise<unknown>;
	/** Tells the lists that records of this type changed. */
	changed: () => void;
	/** Leaves the form for the list. */
	leave: () => Promise<void>;
	deleted: string;
	restored: string;
}

/**
 * Deletes a record, leaves for its list and offers Undo in a toast. Resolves false when the
 * delete failed (the error is reported and the form stays).
 */
export async function deleteWithUndo(d: DeleteWithUndo): Promise<boolean> {
	try {
		await d.remove();
	} catch (e) {
		reportError(e);
		return false;
	}
	d.changed();
	await d.leave();
	showToast(d.deleted, async () => {
		try {
			await d.restore();
			d.changed();
			showToast(d.restored);
		} catch (e) {
			reportError(e);
		}
	});
	return true;
}

/** Restores a deleted record shown in its form; `show` takes the restored record. */
export async function restoreShown<T>(
	restore: () => Promise<T>,
	show: (record: T) => unknown,
	changed: () => void,
	restored: string
): Promise<void> {
	try {
		await show(await restore());
		changed();
		showToast(restored);
	} catch (e) {
		reportError(e);
	}
}

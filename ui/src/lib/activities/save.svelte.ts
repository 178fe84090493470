// The save of a dialog: one at a time, and a refused save's error put next to its field (which
// gets the focus), above the form, or in the banner, as in every form (forms/fields.svelte.ts).
import { FormFields } from '$lib/forms/fields.svelte';

export class DialogSave extends FormFields {
	busy = $state(false);

	/** `prefix` + "-" + field key is the id of each field's control; `shown` lists the keys. */
	constructor(
		prefix: string,
		private shown: readonly string[]
	) {
		super(prefix);
	}

	/** Runs the save; resolves its result, or null when it was refused (the error is shown). */
	async run<T>(save: () => Promise<T>): Promise<T | null> {
		if (this.busy) return null;
		this.busy = true;
		this.clearErrors();
		try {
			return await save();
		} catch (e) {
			this.showSaveError(e, (key) => this.shown.includes(key));
			return null;
		} finally {
			this.busy = false;
		}
	}
}

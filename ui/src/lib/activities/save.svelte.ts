// The save of a dialog: one at a time, and a refused save's error put next to its field (which
// gets the focus), above the form, or in the banner (errors.ts decides which).
import { placeSaveError, toCrmError, type FieldErrors } from '$lib/errors';
import { reportError } from '$lib/state/banner.svelte';
import { tick } from 'svelte';

export class DialogSave {
	busy = $state(false);
	fields = $state<FieldErrors>({});
	message = $state<string | null>(null);

	/** `prefix` + "-" + field key is the id of each field's control; `shown` lists the keys. */
	constructor(
		private prefix: string,
		private shown: readonly string[]
	) {}

	/** The id of a field's control. */
	id(key: string): string {
		return `${this.prefix}-${key}`;
	}

	/** Runs the save; resolves its result, or null when it was refused (the error is shown). */
	async run<T>(save: () => Promise<T>): Promise<T | null> {
		if (this.busy) return null;
		this.busy = true;
		this.fields = {};
		this.message = null;
		try {
			return await save();
		} catch (e) {
			const place = placeSaveError(toCrmError(e), (key) => this.shown.includes(key));
			if (place.kind === 'field') {
				this.fields = place.fields;
				await tick();
				document.getElementById(this.id(place.focus))?.focus();
			} else if (place.kind === 'form') {
				this.message = place.message;
			} else {
				reportError(place.error);
			}
			return null;
		} finally {
			this.busy = false;
		}
	}
}

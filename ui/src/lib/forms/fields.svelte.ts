// The fields of a form: the element id of each field's control, the errors shown under them and
// the form's own message, and where a refused save's error goes (next to its field, which gets
// the focus, above the form, or in the banner; errors.ts decides which). Record forms and
// activity dialogs share it.
import { placeSaveError, toCrmError, type FieldErrors } from '$lib/errors';
import { reportError } from '$lib/state/banner.svelte';
import { tick } from 'svelte';

/** Finds the control of a field key, where a form lays its controls out in its own way. */
export type FindControl = (key: string) => Element | null;

/** What the control of a field carries: its id, and its error for assistive technology. */
export interface ControlAttributes {
	id: string;
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
}

export class FormFields {
	/** Errors by field key, each shown under its field. */
	errors = $state<FieldErrors>({});
	/** An error of the form as a whole, shown above the fields. */
	message = $state<string | null>(null);

	/** `prefix` + "-" + key is the element id of a field's control. */
	constructor(
		readonly prefix: string,
		private readonly findControl?: FindControl
	) {}

	/** The element id of a field's control. */
	id(key: string): string {
		return `${this.prefix}-${key}`;
	}

	/** What describes a field's control: its error (while it has one) and its hint. */
	describedBy(key: string, hintId?: string): string | undefined {
		const ids = [this.errors[key] ? `${this.id(key)}-error` : '', hintId ?? ''].filter(Boolean);
		return ids.length > 0 ? ids.join(' ') : undefined;
	}

	/** The attributes of a field's control. */
	attributes(key: string, hintId?: string): ControlAttributes {
		return {
			id: this.id(key),
			'aria-invalid': this.errors[key] ? 'true' : undefined,
			'aria-describedby': this.describedBy(key, hintId)
		};
	}

	/** Clears every error (before a save). */
	clearErrors(): void {
		this.errors = {};
		this.message = null;
	}

	/** The user changed a field: its error and the form's message have been answered. */
	edited(key: string): void {
		if (key in this.errors) delete this.errors[key];
		this.message = null;
	}

	/** A row left a list (`emails`): the errors of the list and of its rows go, as rows move. */
	clearList(list: string): void {
		for (const key of Object.keys(this.errors)) {
			if (key === list || key.startsWith(`${list}-`)) delete this.errors[key];
		}
	}

	/** Shows errors under their fields; the first field gets the focus. */
	showFieldErrors(fields: FieldErrors): void {
		this.errors = { ...fields };
		const first = Object.keys(fields)[0];
		if (first !== undefined) void this.focus(first);
	}

	/**
	 * Shows the error a save was refused with. `shown` tells the field keys the form has a place
	 * for; `fieldKey` maps the core's field path to the form's key (e.g. to the row of an e-mail
	 * when empty rows were not sent).
	 */
	showSaveError(e: unknown, shown: (key: string) => boolean, fieldKey?: (field: string) => string) {
		const error = toCrmError(e);
		const where = fieldKey && error.field ? { ...error, field: fieldKey(error.field) } : error;
		const place = placeSaveError(where, shown, error);
		if (place.kind === 'field') this.showFieldErrors(place.fields);
		else if (place.kind === 'form') this.message = place.message;
		else reportError(place.error);
	}

	/** Focuses a field's control once it is on screen, scrolled to the middle. */
	async focus(key: string): Promise<void> {
		await tick();
		const control = this.findControl ? this.findControl(key) : this.controlOf(key);
		if (control instanceof HTMLElement) {
			control.focus();
			control.scrollIntoView({ block: 'center' });
		}
	}

	/**
	 * The control of a field key: its own, else the first control inside it (a list's first row
	 * for "emails", an address's first part), else the Add button of its list (an empty list).
	 */
	private controlOf(key: string): Element | null {
		const id = this.id(key);
		return (
			document.getElementById(id) ??
			document.querySelector(`[id^="${id}-"]`) ??
			document.getElementById(`${this.prefix}-${key.split('-')[0]}-add`)
		);
	}
}

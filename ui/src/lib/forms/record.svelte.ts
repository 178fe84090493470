// The form of a stored record (a contact, an account, a quote…): the record shown, the draft the
// user edits and the input it was saved with, and the same save, delete with Undo, restore and
// leave for every record type. A form describes its type with RecordFormOptions and keeps only
// what is its own. Create it while the component initialises: it holds back leaving with
// unsaved changes and answers Ctrl/Cmd-S and Esc on the page.
import { goto } from '$app/navigation';
import type { CrmError } from '$lib/bindings';
import { toCrmError, type FieldErrors } from '$lib/errors';
import { t, type MessageKey } from '$lib/i18n';
import { deleteWithUndo, restoreShown } from '$lib/records/lifecycle';
import { reportError } from '$lib/state/banner.svelte';
import { markChanged, type RecordChange } from '$lib/state/changes.svelte';
import { leaveGuard, type LeaveGuard } from '$lib/state/leave-guard.svelte';
import { registerPageActions } from '$lib/state/page-actions';
import { showToast } from '$lib/state/toast.svelte';
import { onMount, tick } from 'svelte';
import { FormFields, type FindControl } from './fields.svelte';

export interface StoredRecord {
	id: string;
	deleted_at: string | null;
}

/** What a draft gives to send: the input, or null when `problems` keep it from being sent. */
export interface Prepared<I> {
	input: I | null;
	/** Values that cannot be sent as typed (not numbers), by field key. */
	problems?: FieldErrors;
	/** The form's key of a field path from the core (the row of a sent e-mail, say). */
	fieldKey?: (field: string) => string;
}

export interface RecordFormOptions<R extends StoredRecord, D, I> {
	/** The record shown; null for a new one. */
	id: string | null;
	/** Element ids of the form's controls are `<prefix>-<field key>`. */
	prefix: string;
	/** The records whose lists reload after a change. */
	change: RecordChange;
	/** The list the form goes back to. */
	listHref: string;
	/** Where a new record is shown once it is made. */
	recordHref: (id: string) => string;
	/** A new record's draft. */
	empty: () => D;
	/** The draft showing a stored record. */
	draftOf: (record: R) => D | Promise<D>;
	/** The input a stored record was saved with (its draft as shown): what changes are found against. */
	inputOf: (record: R, draft: D) => I | null;
	prepare: (draft: D, record: R | null) => Prepared<I>;
	/** The fields of `current` that differ from `original`, for the update. */
	changes: (original: I, current: I) => Partial<I>;
	/**
	 * Whether a new record has been started (has unsaved changes); without it, when its input
	 * differs from that of an empty form.
	 */
	started?: (draft: D) => boolean;
	/** A record that cannot be changed (the form is shown disabled and offers no save). */
	readOnly?: (record: R) => boolean;
	/** Whether the form shows a field key: a core error of any other field goes above the form. */
	shown: (key: string) => boolean;
	findControl?: FindControl;
	create: (input: I) => Promise<R>;
	update: (id: string, changes: Partial<I>) => Promise<R>;
	/** The toast for a record made. */
	created: (record: R) => string;
	/** Deleting and restoring with their toasts; a type without them offers no Delete. */
	deletion?: {
		remove: (id: string) => Promise<unknown>;
		restore: (id: string) => Promise<R>;
		deleted: MessageKey;
		restored: MessageKey;
	};
	/** After a record is shown (to fetch the names it refers to). */
	onshow?: (record: R) => void;
	/** After a record is made, before its page opens (to hand it over). */
	onmade?: (record: R) => void;
	/** A dialog over the form takes Esc. */
	dialogOpen?: () => boolean;
}

export class RecordForm<R extends StoredRecord, D, I> extends FormFields {
	#options: RecordFormOptions<R, D, I>;
	/** The record shown; null for a new one. */
	readonly recordId: string | null;
	readonly isNew: boolean;
	readonly listHref: string;
	readonly guard: LeaveGuard;
	/** The record as stored (null for a new one, or until it is loaded). */
	record = $state.raw<R | null>(null);
	loading = $state(false);
	loadError = $state.raw<CrmError | null>(null);
	draft: D;
	/** The input the record was saved with: unsaved changes are the draft's differences to it. */
	original = $state.raw<I | null>(null);
	saving = $state(false);
	deleting = $state(false);

	/** What the draft gives to send. */
	readonly prepared: Prepared<I>;
	/** The fields changed against the record as stored. */
	readonly changes: Partial<I>;
	readonly readOnly: boolean;
	/** There are unsaved changes. */
	readonly dirty: boolean;
	readonly canSave: boolean;
	/** Delete is offered: the record is stored and its type can be deleted. */
	readonly deletable: boolean;

	constructor(options: RecordFormOptions<R, D, I>) {
		super(options.prefix, options.findControl);
		this.#options = options;
		this.recordId = options.id;
		this.isNew = options.id === null;
		this.listHref = options.listHref;
		this.deletable = !this.isNew && !!options.deletion;
		this.draft = $state(options.empty());
		// Without `started`, a new record's changes are found against an empty form.
		if (!options.started) this.original = options.prepare(options.empty(), null).input;
		this.prepared = $derived(options.prepare(this.draft, this.record));
		this.changes = $derived.by(() => {
			const input = this.prepared.input;
			return this.original && input ? options.changes(this.original, input) : {};
		});
		this.readOnly = $derived(this.record !== null && !!options.readOnly?.(this.record));
		this.dirty = $derived(
			this.isNew && options.started
				? options.started(this.draft)
				: !this.readOnly && (this.prepared.input === null || Object.keys(this.changes).length > 0)
		);
		this.canSave = $derived(
			!this.loading && this.loadError === null && !this.readOnly && (this.isNew || this.dirty)
		);
		this.guard = leaveGuard(() => this.dirty && !this.saving);
		onMount(() =>
			registerPageActions({
				onSave: () => void this.save(),
				onCancel: () => {
					if (options.dialogOpen?.()) return false;
					this.cancel();
					return true;
				}
			})
		);
	}

	/**
	 * Loads what the form shows: `read` resolves the stored record, or null for a new form (after
	 * what the form needs beside it, e.g. the stages). With `spinner` the form waits meanwhile.
	 * A failure takes the form's place (and the banner, unless the record does not exist).
	 */
	async load(read: () => Promise<R | null>, spinner = true): Promise<void> {
		if (spinner) this.loading = true;
		try {
			const found = await read();
			if (found) await this.show(found);
		} catch (e) {
			const error = toCrmError(e);
			this.loadError = error;
			if (error.code !== 'not_found') reportError(error);
		} finally {
			this.loading = false;
		}
	}

	/** Shows a record as stored: the form's values and the baseline of its changes. */
	async show(saved: R): Promise<void> {
		const focused = document.activeElement?.id ?? '';
		const draft = await this.#options.draftOf(saved);
		this.record = saved;
		this.original = this.#options.inputOf(saved, draft);
		this.draft = draft;
		this.#options.onshow?.(saved);
		// Rows of lists are drawn anew: the control that had the focus gets it back.
		if (focused.startsWith(`${this.prefix}-`)) {
			void tick().then(() => document.getElementById(focused)?.focus());
		}
	}

	/**
	 * Saves the changed fields (a new record whole, then opens its page). Resolves whether the
	 * record is saved: false while it cannot be, and when the save was refused (the error is shown).
	 */
	async save(): Promise<boolean> {
		if (this.saving || this.deleting || this.loading || this.loadError || this.readOnly) {
			return false;
		}
		if (!this.isNew && !this.dirty) return true;
		this.clearErrors();
		const options = this.#options;
		const prepared = options.prepare($state.snapshot(this.draft) as D, this.record);
		if (prepared.input === null || Object.keys(prepared.problems ?? {}).length > 0) {
			this.showFieldErrors(prepared.problems ?? {});
			return false;
		}
		const input = prepared.input;
		this.saving = true;
		try {
			if (this.recordId === null) {
				const created = await options.create(input);
				markChanged(options.change);
				options.onmade?.(created);
				this.guard.leaving = true;
				showToast(options.created(created));
				await goto(options.recordHref(created.id), { replaceState: true });
			} else if (this.original) {
				const saved = await options.update(this.recordId, options.changes(this.original, input));
				markChanged(options.change);
				await this.show(saved);
			}
			return true;
		} catch (e) {
			this.showSaveError(e, options.shown, prepared.fieldKey);
			return false;
		} finally {
			this.saving = false;
		}
	}

	/** Deletes the record and goes back to the list; the toast's Undo restores it. */
	async remove(): Promise<void> {
		const id = this.recordId;
		const { deletion, change } = this.#options;
		if (id === null || !deletion || this.deleting || this.saving) return;
		this.deleting = true;
		this.deleting = await deleteWithUndo({
			remove: () => deletion.remove(id),
			restore: () => deletion.restore(id),
			changed: () => markChanged(change),
			leave: () => this.leave(),
			deleted: t(deletion.deleted),
			restored: t(deletion.restored)
		});
	}

	/** Restores the deleted record shown. */
	async restore(): Promise<void> {
		const id = this.recordId;
		const { deletion, change } = this.#options;
		if (id === null || !deletion) return;
		await restoreShown(
			() => deletion.restore(id),
			(record) => this.show(record),
			() => markChanged(change),
			t(deletion.restored)
		);
	}

	/** The user changed a field: its error is answered, and a held-back leave is forgotten. */
	override edited(key: string): void {
		super.edited(key);
		if (this.guard.armed) this.guard.armed = false;
	}

	/** Cancel (Esc): back to the list, the second time when there are unsaved changes. */
	cancel(): void {
		if (this.guard.mayLeave(this.dirty)) void goto(this.listHref);
	}

	/** Leaves for the list on purpose (nothing is held back). */
	leave(): Promise<void> {
		this.guard.leaving = true;
		return goto(this.listHref);
	}
}

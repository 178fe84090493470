import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const app = vi.hoisted(() => ({
	log: [] as string[],
	toasts: [] as { message: string; undo?: () => Promise<void> | void }[],
	banner: [] as unknown[],
	mounted: [] as (() => unknown)[],
	guards: [] as ((navigation: { type: string; cancel: () => void }) => void)[]
}));

vi.mock('$app/navigation', () => ({
	goto: async (href: string, options?: { replaceState?: boolean }) => {
		app.log.push(`goto ${href}${options?.replaceState ? ' (replace)' : ''}`);
	},
	beforeNavigate: (guard: (typeof app.guards)[number]) => app.guards.push(guard)
}));
vi.mock('svelte', async (actual) => ({
	...(await actual<typeof import('svelte')>()),
	onMount: (run: () => unknown) => app.mounted.push(run),
	onDestroy: () => {}
}));
vi.mock('$lib/state/toast.svelte', () => ({
	showToast: (message: string, undo?: () => Promise<void> | void) => {
		app.log.push(`toast ${message}`);
		app.toasts.push({ message, undo });
	}
}));
vi.mock('$lib/state/banner.svelte', () => ({ reportError: (e: unknown) => app.banner.push(e) }));
vi.mock('$lib/state/changes.svelte', () => ({
	markChanged: (kind: string) => app.log.push(`changed ${kind}`)
}));
vi.mock('$lib/i18n', () => ({
	t: (key: string, params?: object) => (params ? `${key} ${JSON.stringify(params)}` : key)
}));

import { currentPageActions } from '$lib/state/page-actions';
import { RecordForm, type RecordFormOptions } from './record.svelte';

/** The controls of the page: a focus and a scroll are logged. */
class FakeControl {
	constructor(readonly id: string) {}
	focus() {
		app.log.push(`focus ${this.id}`);
	}
	scrollIntoView() {}
}

interface Thing {
	id: string;
	deleted_at: string | null;
	name: string;
	emails: string[];
	price: string;
}
interface ThingDraft {
	name: string;
	emails: string[];
	price: string;
}
type ThingInput = ThingDraft;

function stored(changes: Partial<Thing> = {}): Thing {
	return { id: 't1', deleted_at: null, name: 'Anvil', emails: [], price: '10', ...changes };
}

/** A form of a record type whose price must be a number; empty e-mails are not sent. */
function thingForm(overrides: Partial<RecordFormOptions<Thing, ThingDraft, ThingInput>> = {}) {
	const calls = {
		create: vi.fn(async (input: ThingInput) => stored({ id: 'new', ...input })),
		update: vi.fn(async (id: string, changes: Partial<ThingInput>) => stored({ id, ...changes })),
		remove: vi.fn(async (id: string) => void app.log.push(`remove ${id}`)),
		restore: vi.fn(async (id: string) => {
			app.log.push(`restore ${id}`);
			return stored({ id });
		})
	};
	const form = new RecordForm<Thing, ThingDraft, ThingInput>({
		id: 't1',
		prefix: 'tf',
		change: 'products',
		listHref: '/things',
		recordHref: (id) => `/things/${id}`,
		empty: () => ({ name: '', emails: [''], price: '' }),
		draftOf: (t) => ({ name: t.name, emails: [...t.emails, ''], price: t.price }),
		inputOf: (t) => ({ name: t.name, emails: [...t.emails], price: t.price }),
		prepare: (draft) => {
			const rows = draft.emails.flatMap((e, i) => (e === '' ? [] : [i]));
			if (!/^\d*$/.test(draft.price)) return { input: null, problems: { price: 'not a number' } };
			return {
				input: {
					name: draft.name,
					emails: rows.map((i) => draft.emails[i] ?? ''),
					price: draft.price
				},
				fieldKey: (field) =>
					field.replace(/^emails\[(\d+)\]$/, (_, n) => `emails-${rows[Number(n)]}`)
			};
		},
		changes: (original, current) =>
			Object.fromEntries(
				Object.entries(current).filter(
					([k, v]) => JSON.stringify(v) !== JSON.stringify(original[k as keyof ThingInput])
				)
			),
		shown: (key) => ['name', 'price', 'emails'].includes(key) || /^emails-\d+$/.test(key),
		create: calls.create,
		update: calls.update,
		created: (t) => `made ${t.name}`,
		deletion: {
			remove: calls.remove,
			restore: calls.restore,
			deleted: 'thing.deleted' as never,
			restored: 'thing.restored' as never
		},
		...overrides
	});
	return { form, calls };
}

beforeEach(() => {
	app.log.length = 0;
	app.toasts.length = 0;
	app.banner.length = 0;
	app.mounted.length = 0;
	app.guards.length = 0;
	const controls = ['tf-name', 'tf-price', 'tf-emails-0', 'tf-emails-1', 'tf-emails-2'];
	vi.stubGlobal('HTMLElement', FakeControl);
	vi.stubGlobal('document', {
		activeElement: null,
		getElementById: (id: string) => (controls.includes(id) ? new FakeControl(id) : null),
		querySelector: () => null
	});
});
afterEach(() => vi.unstubAllGlobals());

describe('a record form’s unsaved changes', () => {
	it('are nothing on a blank new form and anything typed into it', () => {
		const { form } = thingForm({ id: null });
		expect(form.isNew).toBe(true);
		expect(form.dirty).toBe(false);
		form.draft.emails[0] = 'a@example.com';
		expect(form.dirty).toBe(true);
		form.draft.emails[0] = '';
		expect(form.dirty).toBe(false);
	});

	it('follow `started` for a new record when the type says when one is begun', () => {
		const { form } = thingForm({ id: null, started: (d) => d.name.trim() !== '' });
		form.draft.price = '5';
		expect(form.dirty).toBe(false);
		form.draft.name = 'Hammer';
		expect(form.dirty).toBe(true);
	});

	it('are the fields changed against the record as shown, and a value that cannot be sent', async () => {
		const { form } = thingForm();
		await form.show(stored({ emails: ['a@example.com'] }));
		expect(form.dirty).toBe(false);
		form.draft.name = 'Anvil 2';
		form.draft.emails[1] = 'b@example.com';
		expect(form.changes).toEqual({ name: 'Anvil 2', emails: ['a@example.com', 'b@example.com'] });
		form.draft.name = 'Anvil';
		form.draft.emails[1] = '';
		expect(form.dirty).toBe(false);
		form.draft.price = 'ten';
		expect(form.prepared.input).toBeNull();
		expect(form.dirty).toBe(true);
	});

	it('are none on a read-only record, which cannot be saved', async () => {
		const { form, calls } = thingForm({ readOnly: (t) => t.name === 'Sealed' });
		await form.show(stored({ name: 'Sealed' }));
		form.draft.price = '11';
		expect(form.dirty).toBe(false);
		expect(form.canSave).toBe(false);
		expect(await form.save()).toBe(false);
		expect(calls.update).not.toHaveBeenCalled();
	});
});

describe('saving a record form', () => {
	it('sends only the changed fields and shows the record as saved', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		form.draft.price = '12';
		expect(await form.save()).toBe(true);
		expect(calls.update).toHaveBeenCalledWith('t1', { price: '12' });
		expect(app.log).toEqual(['changed products']);
		expect(form.record?.price).toBe('12');
		expect(form.dirty).toBe(false);
		expect(form.saving).toBe(false);
	});

	it('makes a new record, hands it over, tells so and opens its page in place of the form', async () => {
		const made: string[] = [];
		const { form, calls } = thingForm({ id: null, onmade: (t) => made.push(t.id) });
		form.draft.name = 'Hammer';
		expect(await form.save()).toBe(true);
		expect(calls.create).toHaveBeenCalledWith({ name: 'Hammer', emails: [], price: '' });
		expect(made).toEqual(['new']);
		expect(app.log).toEqual([
			'changed products',
			'toast made Hammer',
			'goto /things/new (replace)'
		]);
		expect(form.guard.leaving).toBe(true);
	});

	it('does not send a value that cannot be read, and focuses its field', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		form.draft.price = 'ten';
		expect(await form.save()).toBe(false);
		expect(calls.update).not.toHaveBeenCalled();
		expect(form.errors).toEqual({ price: 'not a number' });
		await vi.waitFor(() => expect(app.log).toContain('focus tf-price'));
	});

	it('puts a refused field next to the row it was typed in, and focuses it', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		form.draft.emails = ['', '', 'bad'];
		calls.update.mockRejectedValueOnce({
			code: 'validation',
			message: 'not an e-mail',
			field: 'emails[0]'
		});
		expect(await form.save()).toBe(false);
		expect(form.errors).toEqual({ 'emails-2': 'not an e-mail' });
		expect(form.message).toBeNull();
		expect(form.saving).toBe(false);
		await vi.waitFor(() => expect(app.log).toContain('focus tf-emails-2'));
		form.edited('emails-2');
		expect(form.errors).toEqual({});
	});

	it('shows a refusal of a field the form does not show above the form, and others in the banner', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		form.draft.name = 'Other';
		calls.update.mockRejectedValueOnce({ code: 'validation', message: 'taken', field: 'code' });
		await form.save();
		expect(form.errors).toEqual({});
		expect(form.message).toContain('taken');
		expect(app.banner).toEqual([]);
		calls.update.mockRejectedValueOnce({ code: 'conflict', message: 'changed elsewhere' });
		await form.save();
		expect(form.message).toBeNull();
		expect(app.banner).toEqual([{ code: 'conflict', message: 'changed elsewhere' }]);
	});

	it('does nothing without changes, while loading, or while it is deleting', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		expect(await form.save()).toBe(true);
		form.draft.name = 'Other';
		form.loading = true;
		expect(await form.save()).toBe(false);
		form.loading = false;
		form.deleting = true;
		expect(await form.save()).toBe(false);
		expect(calls.update).not.toHaveBeenCalled();
	});
});

describe('deleting and restoring from a record form', () => {
	it('deletes, goes back to the list and offers an Undo that restores the record', async () => {
		const { form } = thingForm();
		await form.show(stored());
		await form.remove();
		expect(app.log).toEqual([
			'remove t1',
			'changed products',
			'goto /things',
			'toast thing.deleted'
		]);
		expect(form.guard.leaving).toBe(true);
		expect(form.deleting).toBe(true);
		await app.toasts[0]?.undo?.();
		expect(app.log.slice(4)).toEqual(['restore t1', 'changed products', 'toast thing.restored']);
	});

	it('stays on the form when the delete fails', async () => {
		const { form, calls } = thingForm();
		await form.show(stored());
		calls.remove.mockRejectedValueOnce({ code: 'conflict', message: 'in use' });
		await form.remove();
		expect(form.deleting).toBe(false);
		expect(app.banner).toHaveLength(1);
		expect(app.log).toEqual([]);
	});

	it('offers no delete for a new record or a type that cannot be deleted', async () => {
		expect(thingForm({ id: null }).form.deletable).toBe(false);
		const { form } = thingForm({ deletion: undefined });
		expect(form.deletable).toBe(false);
		await form.remove();
		expect(app.log).toEqual([]);
	});

	it('restores a deleted record in place', async () => {
		const { form } = thingForm();
		await form.show(stored({ deleted_at: '2024-01-01T00:00:00Z' }));
		await form.restore();
		expect(form.record?.deleted_at).toBeNull();
		expect(app.log).toEqual(['restore t1', 'changed products', 'toast thing.restored']);
	});
});

describe('loading and leaving a record form', () => {
	it('shows a record that does not exist in place of the form, and reports other failures', async () => {
		const { form } = thingForm();
		await form.load(() => Promise.reject({ code: 'not_found', message: 'gone' }));
		expect(form.loadError?.code).toBe('not_found');
		expect(form.loading).toBe(false);
		expect(app.banner).toEqual([]);
		const other = thingForm().form;
		await other.load(() => Promise.reject({ code: 'io', message: 'disk' }));
		expect(app.banner).toHaveLength(1);
	});

	it('holds Esc back once with unsaved changes and leaves the list the second time', async () => {
		const { form } = thingForm();
		for (const mount of app.mounted) mount();
		await form.show(stored());
		form.draft.name = 'Other';
		expect(currentPageActions().onCancel?.()).toBe(true);
		expect(form.guard.armed).toBe(true);
		expect(app.log).toEqual([]);
		currentPageActions().onCancel?.();
		expect(app.log).toEqual(['goto /things']);
	});

	it('leaves Esc to a dialog open over the form and saves on Ctrl/Cmd-S', async () => {
		let open = true;
		const { form, calls } = thingForm({ dialogOpen: () => open });
		for (const mount of app.mounted) mount();
		await form.show(stored());
		expect(currentPageActions().onCancel?.()).toBe(false);
		open = false;
		form.draft.name = 'Other';
		currentPageActions().onSave?.();
		await vi.waitFor(() => expect(calls.update).toHaveBeenCalledWith('t1', { name: 'Other' }));
	});

	it('holds back navigation with unsaved changes once, and not while saving', async () => {
		const { form } = thingForm();
		await form.show(stored());
		const navigate = () => {
			const cancel = vi.fn();
			app.guards[0]?.({ type: 'link', cancel });
			return cancel.mock.calls.length > 0;
		};
		expect(navigate()).toBe(false);
		form.draft.name = 'Other';
		expect(navigate()).toBe(true);
		expect(navigate()).toBe(false);
		form.guard.armed = false;
		form.saving = true;
		expect(navigate()).toBe(false);
		form.edited('name');
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const banner = vi.hoisted(() => [] as unknown[]);
vi.mock('$lib/state/banner.svelte', () => ({ reportError: (e: unknown) => banner.push(e) }));

import { DialogSave } from '$lib/activities/save.svelte';
import { FormFields } from './fields.svelte';

beforeEach(() => {
	banner.length = 0;
	vi.stubGlobal('HTMLElement', class {});
	vi.stubGlobal('document', { getElementById: () => null, querySelector: () => null });
});
afterEach(() => vi.unstubAllGlobals());

describe('the fields of a form', () => {
	it('describe a control by its error while it has one, and by its hint', () => {
		const form = new FormFields('cf');
		expect(form.attributes('tags', 'cf-tags-hint')).toEqual({
			id: 'cf-tags',
			'aria-invalid': undefined,
			'aria-describedby': 'cf-tags-hint'
		});
		form.showFieldErrors({ tags: 'too long' });
		expect(form.attributes('tags', 'cf-tags-hint')).toEqual({
			id: 'cf-tags',
			'aria-invalid': 'true',
			'aria-describedby': 'cf-tags-error cf-tags-hint'
		});
		expect(form.describedBy('name')).toBeUndefined();
	});

	it('forget the errors of a list and its rows when a row goes, and no others', () => {
		const form = new FormFields('cf');
		form.showFieldErrors({ emails: 'one primary', 'emails-1': 'bad', 'emails-1-label': 'long' });
		form.errors.phones = 'x';
		form.clearList('emails');
		expect(form.errors).toEqual({ phones: 'x' });
	});

	it('answer a field’s error and the form’s message when the field is edited', () => {
		const form = new FormFields('cf');
		form.showSaveError({ code: 'validation', message: 'required', field: 'last_name' }, () => true);
		form.message = 'refused';
		form.edited('last_name');
		expect(form.errors).toEqual({});
		expect(form.message).toBeNull();
	});
});

describe('the save of a dialog', () => {
	it('runs one save at a time and shows a refusal next to its field', async () => {
		const save = new DialogSave('task', ['subject']);
		let finish: (value: string) => void = () => {};
		const first = save.run(() => new Promise<string>((resolve) => (finish = resolve)));
		expect(save.busy).toBe(true);
		expect(await save.run(async () => 'second')).toBeNull();
		finish('first');
		expect(await first).toBe('first');
		expect(save.busy).toBe(false);

		const refused = await save.run(() =>
			Promise.reject({ code: 'validation', message: 'required', field: 'subject' })
		);
		expect(refused).toBeNull();
		expect(save.errors).toEqual({ subject: 'required' });
		await save.run(() => Promise.reject({ code: 'validation', message: 'bad', field: 'due' }));
		expect(save.errors).toEqual({});
		expect(save.message).toContain('bad');
		await save.run(() => Promise.reject({ code: 'io', message: 'disk' }));
		expect(save.message).toBeNull();
		expect(banner).toEqual([{ code: 'io', message: 'disk' }]);
	});
});

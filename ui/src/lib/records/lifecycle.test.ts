import { beforeEach, describe, expect, it, vi } from 'vitest';

const { toasts, errors } = vi.hoisted(() => ({
	toasts: [] as { message: string; undo?: () => Promise<void> | void }[],
	errors: [] as unknown[]
}));
vi.mock('$lib/state/toast.svelte', () => ({
	showToast: (message: string, undo?: () => Promise<void> | void) => toasts.push({ message, undo })
}));
vi.mock('$lib/state/banner.svelte', () => ({ reportError: (e: unknown) => errors.push(e) }));

import { deleteWithUndo, restoreShown } from './lifecycle';

function steps(remove: () => Promise<unknown>) {
	const log: string[] = [];
	return {
		log,
		args: {
			remove,
			restore: async () => log.push('restore'),
			changed: () => log.push('changed'),
			leave: async () => void log.push('leave'),
			deleted: 'Deleted',
			restored: 'Restored'
		}
	};
}

describe('deleting a record from its form', () => {
	beforeEach(() => {
		toasts.length = 0;
		errors.length = 0;
	});

	it('leaves for the list and offers an undo that restores it', async () => {
		const { log, args } = steps(async () => undefined);
		expect(await deleteWithUndo(args)).toBe(true);
		expect(log).toEqual(['changed', 'leave']);
		expect(toasts[0]?.message).toBe('Deleted');
		await toasts[0]?.undo?.();
		expect(log).toEqual(['changed', 'leave', 'restore', 'changed']);
		expect(toasts[1]?.message).toBe('Restored');
	});

	it('stays on the form and reports the error when the delete fails', async () => {
		const failure = { code: 'conflict', message: 'no' };
		const { log, args } = steps(() => Promise.reject(failure));
		expect(await deleteWithUndo(args)).toBe(false);
		expect(log).toEqual([]);
		expect(errors).toEqual([failure]);
		expect(toasts).toEqual([]);
	});

	it('restores a deleted record in place and shows it', async () => {
		const shown: string[] = [];
		const changed = vi.fn();
		await restoreShown(
			async () => 'record',
			(r) => shown.push(r),
			changed,
			'Restored'
		);
		expect(shown).toEqual(['record']);
		expect(changed).toHaveBeenCalledOnce();
		expect(toasts.map((t) => t.message)).toEqual(['Restored']);
	});
});

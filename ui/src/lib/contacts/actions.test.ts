import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('$lib/api', () => api);
const { deleteContacts, undoBatch } = await import('./actions');

describe('bulk contact actions', () => {
	beforeEach(() => api.call.mockReset());

	it('deletes in one batch and undoes it by its id', async () => {
		api.call.mockResolvedValueOnce({ batch_id: 'b1', changed: 2 });
		await expect(deleteContacts(['c1', 'c2'])).resolves.toEqual({ batch_id: 'b1', changed: 2 });
		expect(api.call).toHaveBeenCalledWith('bulk_delete', {
			record_type: 'contact',
			ids: ['c1', 'c2']
		});
		api.call.mockResolvedValueOnce({ batch_id: 'b1', reverted: 2 });
		await expect(undoBatch('b1')).resolves.toEqual({ batch_id: 'b1', reverted: 2 });
		expect(api.call).toHaveBeenLastCalledWith('batch_undo', { batch_id: 'b1' });
	});

	it('passes core errors on', async () => {
		api.call.mockRejectedValueOnce({ code: 'not_found', message: 'no contact c9' });
		await expect(deleteContacts(['c9'])).rejects.toEqual({
			code: 'not_found',
			message: 'no contact c9'
		});
	});
});

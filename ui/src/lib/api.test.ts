import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauri = vi.hoisted(() => ({
	invoke: vi.fn<(cmd: string, args?: unknown) => Promise<unknown>>(),
	isTauri: vi.fn(() => true)
}));

vi.mock('@tauri-apps/api/core', () => tauri);

describe('call', () => {
	beforeEach(() => {
		vi.resetModules();
		tauri.invoke.mockReset();
		tauri.isTauri.mockReturnValue(true);
	});

	it('sends the command name and arguments through the shell command "call"', async () => {
		const { call } = await import('./api');
		tauri.invoke.mockResolvedValue({ id: 'c1' });
		await expect(call('contact_get', { id: 'c1' })).resolves.toEqual({ id: 'c1' });
		expect(tauri.invoke).toHaveBeenCalledWith('call', {
			command: 'contact_get',
			args: { id: 'c1' }
		});
	});

	it('passes a core error through', async () => {
		const { call } = await import('./api');
		tauri.invoke.mockRejectedValue({
			code: 'validation',
			message: 'Enter a last name',
			field: 'last_name'
		});
		await expect(call('contact_create', {} as never)).rejects.toEqual({
			code: 'validation',
			message: 'Enter a last name',
			field: 'last_name'
		});
	});

	it('turns anything else into an internal error', async () => {
		const { call } = await import('./api');
		tauri.invoke.mockRejectedValueOnce('command call not found');
		await expect(call('app_info', {})).rejects.toEqual({
			code: 'internal',
			message: 'command call not found'
		});
		tauri.invoke.mockRejectedValueOnce(new TypeError('boom'));
		await expect(call('app_info', {})).rejects.toEqual({ code: 'internal', message: 'boom' });
		tauri.invoke.mockRejectedValueOnce(42);
		await expect(call('app_info', {})).rejects.toEqual({ code: 'internal', message: '42' });
	});

	it('fails clearly outside the desktop shell', async () => {
		const { call } = await import('./api');
		tauri.isTauri.mockReturnValue(false);
		await expect(call('app_info', {})).rejects.toMatchObject({ code: 'internal' });
		expect(tauri.invoke).not.toHaveBeenCalled();
	});
});

describe('firstPaint', () => {
	beforeEach(() => {
		vi.resetModules();
		tauri.invoke.mockReset();
		tauri.isTauri.mockReturnValue(true);
	});

	it('tells the shell once, whatever happens', async () => {
		const { firstPaint } = await import('./api');
		tauri.invoke.mockRejectedValue(new Error('no such command'));
		firstPaint();
		firstPaint();
		firstPaint();
		expect(tauri.invoke).toHaveBeenCalledTimes(1);
		expect(tauri.invoke).toHaveBeenCalledWith('first_paint');
	});
});

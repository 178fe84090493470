import type { ContactListQuery, ContactRow, Page } from '$lib/bindings';
import { DEFAULT_CONTACT_QUERY, listArgs, type ContactQuery } from '$lib/contacts/list';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeysetLoader, type LoaderState } from './keyset';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('$lib/api', () => api);
const { call } = await import('$lib/api');

/** A fake core: `n` contacts named c0000…; the cursor is the last id of a page. */
function fakeCore(n: number) {
	const all: ContactRow[] = Array.from({ length: n }, (_, i) => ({
		id: `c${String(i).padStart(4, '0')}`,
		display_name: `Contact ${i}`,
		first_name: '',
		last_name: `Contact ${i}`,
		title: '',
		email: `c${i}@example.com`,
		phone: '',
		city: '',
		updated_at: '2026-01-01T00:00:00.000Z'
	}));
	return (args: ContactListQuery): Page<ContactRow> => {
		const rows = all.filter((r) => r.display_name.includes(args.q));
		const start = args.after === null ? 0 : rows.findIndex((r) => r.id === args.after) + 1;
		const page = rows.slice(start, start + args.limit);
		const last = page[page.length - 1];
		const more = start + args.limit < rows.length;
		// Like the core: the total comes with the first page only.
		return {
			rows: page,
			next: more && last ? last.id : null,
			total: args.after === null ? rows.length : null
		};
	};
}

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

function contactsLoader(pageSize = 200) {
	return new KeysetLoader<ContactRow, ContactQuery>(
		(q, after, limit) => call('contact_list', listArgs(q, after, limit)),
		pageSize
	);
}

describe('KeysetLoader', () => {
	beforeEach(() => {
		vi.mocked(call).mockReset();
	});

	it('loads the first page, then the next ones after the previous cursor', async () => {
		const core = fakeCore(450);
		vi.mocked(call).mockImplementation(async (_cmd, args) => core(args as ContactListQuery));
		const loader = contactsLoader();
		const states: LoaderState<ContactRow>[] = [];
		loader.subscribe((s) => states.push(s));

		await loader.reset(DEFAULT_CONTACT_QUERY);
		expect(loader.state.rows).toHaveLength(200);
		expect(loader.state.total).toBe(450);
		expect(loader.state.hasMore).toBe(true);
		expect(loader.state.loaded).toBe(true);

		await loader.loadMore();
		await loader.loadMore();
		expect(loader.state.rows).toHaveLength(450);
		expect(loader.state.total).toBe(450);
		expect(loader.state.hasMore).toBe(false);
		expect(loader.state.rows.map((r) => r.id)).toEqual(
			Array.from({ length: 450 }, (_, i) => `c${String(i).padStart(4, '0')}`)
		);

		const afters = vi.mocked(call).mock.calls.map(([, a]) => (a as ContactListQuery).after);
		expect(afters).toEqual([null, 'c0199', 'c0399']);
		for (const [cmd, a] of vi.mocked(call).mock.calls) {
			expect(cmd).toBe('contact_list');
			expect(a).toMatchObject({ sort: 'name', desc: false, limit: 200, q: '', starts_with: '' });
		}

		// No more pages: nothing is fetched.
		await loader.loadMore();
		expect(call).toHaveBeenCalledTimes(3);
		expect(states.some((s) => s.loading)).toBe(true);
		expect(states[states.length - 1]!.loading).toBe(false);
	});

	it('runs one page request at a time', async () => {
		const core = fakeCore(1000);
		const pending = deferred<Page<ContactRow>>();
		vi.mocked(call).mockImplementationOnce(async (_c, a) => core(a as ContactListQuery));
		const loader = contactsLoader();
		await loader.reset(DEFAULT_CONTACT_QUERY);
		vi.mocked(call).mockImplementationOnce(() => pending.promise);
		const first = loader.loadMore();
		const second = loader.loadMore();
		pending.resolve(core({ ...listArgs(DEFAULT_CONTACT_QUERY, 'c0199', 200) }));
		await Promise.all([first, second]);
		expect(call).toHaveBeenCalledTimes(2);
		expect(loader.state.rows).toHaveLength(400);
	});

	it('drops answers to an older query', async () => {
		const core = fakeCore(300);
		const slow = deferred<Page<ContactRow>>();
		vi.mocked(call)
			.mockImplementationOnce(() => slow.promise)
			.mockImplementation(async (_c, a) => core(a as ContactListQuery));
		const loader = contactsLoader();
		const old = loader.reset(DEFAULT_CONTACT_QUERY);
		const current = loader.reset({ ...DEFAULT_CONTACT_QUERY, q: 'Contact 1' });
		await current;
		slow.resolve(core(listArgs(DEFAULT_CONTACT_QUERY, null, 200)));
		await old;
		expect(loader.state.total).toBe(111); // "Contact 1", "Contact 10".., "Contact 100".."Contact 199"
		expect(loader.state.rows.every((r) => r.display_name.includes('Contact 1'))).toBe(true);
		expect(loader.state.generation).toBe(2);
	});

	it('keeps the old rows on screen until the new first page arrives', async () => {
		const core = fakeCore(50);
		vi.mocked(call).mockImplementation(async (_c, a) => core(a as ContactListQuery));
		const loader = contactsLoader();
		await loader.reset(DEFAULT_CONTACT_QUERY);
		const pending = deferred<Page<ContactRow>>();
		vi.mocked(call).mockImplementationOnce(() => pending.promise);
		const p = loader.reset({ ...DEFAULT_CONTACT_QUERY, desc: true });
		expect(loader.state.rows).toHaveLength(50);
		expect(loader.state.loading).toBe(true);
		expect(loader.state.loaded).toBe(false);
		expect(loader.state.hasMore).toBe(false);
		pending.resolve({ rows: [], next: null, total: 0 });
		await p;
		expect(loader.state.rows).toHaveLength(0);
		expect(loader.state.loaded).toBe(true);
	});

	it('reports errors and retries what failed', async () => {
		const core = fakeCore(250);
		vi.mocked(call)
			.mockImplementationOnce(async (_c, a) => core(a as ContactListQuery))
			.mockRejectedValueOnce({ code: 'database', message: 'locked' })
			.mockImplementation(async (_c, a) => core(a as ContactListQuery));
		const loader = contactsLoader();
		await loader.reset(DEFAULT_CONTACT_QUERY);
		await loader.loadMore();
		expect(loader.state.error).toEqual({ code: 'database', message: 'locked' });
		expect(loader.state.rows).toHaveLength(200);
		// An error stops automatic loading until a retry.
		await loader.loadMore();
		expect(call).toHaveBeenCalledTimes(2);
		await loader.retry();
		expect(loader.state.error).toBeNull();
		expect(loader.state.rows).toHaveLength(250);
		expect(vi.mocked(call).mock.calls[2]![1]).toMatchObject({ after: 'c0199' });
	});

	it('treats an empty page as the end even with a cursor', async () => {
		vi.mocked(call).mockResolvedValue({ rows: [], next: 'x', total: 0 });
		const loader = contactsLoader();
		await loader.reset(DEFAULT_CONTACT_QUERY);
		expect(loader.state.hasMore).toBe(false);
		await loader.loadMore();
		expect(call).toHaveBeenCalledTimes(1);
	});

	it('removes rows locally and lowers the total', async () => {
		const core = fakeCore(10);
		vi.mocked(call).mockImplementation(async (_c, a) => core(a as ContactListQuery));
		const loader = contactsLoader();
		await loader.reset(DEFAULT_CONTACT_QUERY);
		const version = loader.state.version;
		expect(loader.remove((r) => r.id === 'c0003' || r.id === 'c0004')).toBe(2);
		expect(loader.state.rows).toHaveLength(8);
		expect(loader.state.total).toBe(8);
		expect(loader.state.version).toBeGreaterThan(version);
		expect(loader.remove(() => false)).toBe(0);
	});

	it('passes filter, jump and sort to the core', async () => {
		vi.mocked(call).mockResolvedValue({ rows: [], next: null, total: 0 });
		const loader = contactsLoader(50);
		await loader.reset({
			...DEFAULT_CONTACT_QUERY,
			sort: 'city',
			desc: true,
			q: '  berlin ',
			starts_with: 'M'
		});
		expect(call).toHaveBeenCalledWith('contact_list', {
			sort: 'city',
			desc: true,
			after: null,
			limit: 50,
			q: 'berlin',
			starts_with: 'M'
		});
	});
});

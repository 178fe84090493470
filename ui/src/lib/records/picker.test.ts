import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('$lib/api', () => api);
const { PICKER_LIMIT, searchAccounts, searchContacts, searchParties } = await import('./picker');

describe('record pickers', () => {
	beforeEach(() => api.call.mockReset());

	it('searches accounts with the quick filter and describes each by industry and city', async () => {
		api.call.mockResolvedValueOnce({
			rows: [
				{ id: 'a1', name: 'Acme', account_type: 'customer', industry: 'Steel', city: 'Berlin' },
				{ id: 'a2', name: '', account_type: 'other', industry: '', city: 'Wien' }
			],
			next: null,
			total: 2
		});
		const found = await searchAccounts('  ac ');
		expect(api.call).toHaveBeenCalledWith('account_list', {
			desc: false,
			after: null,
			limit: PICKER_LIMIT,
			q: 'ac',
			starts_with: ''
		});
		expect(found).toEqual([
			{ type: 'account', id: 'a1', name: 'Acme', subtitle: 'Steel · Berlin' },
			{ type: 'account', id: 'a2', name: '(no name)', subtitle: 'Wien' }
		]);
	});

	it('searches contacts with the quick filter', async () => {
		api.call.mockResolvedValueOnce({
			rows: [{ id: 'c1', display_name: 'Anna Berg', title: 'CFO', email: 'a@x.de' }],
			next: null,
			total: 1
		});
		const found = await searchContacts('ann');
		expect(api.call).toHaveBeenCalledWith('contact_list', {
			sort: 'name',
			desc: false,
			after: null,
			limit: PICKER_LIMIT,
			q: 'ann',
			starts_with: ''
		});
		expect(found).toEqual([
			{ type: 'contact', id: 'c1', name: 'Anna Berg', subtitle: 'CFO · a@x.de' }
		]);
	});

	it('finds accounts and contacts by the global search, accounts first, nothing else', async () => {
		api.call.mockResolvedValueOnce({
			query: 'mu',
			groups: [
				{ record_type: 'contact', hits: [{ id: 'c1', title: 'Anna Müller', subtitle: 'a@x' }] },
				{ record_type: 'lead', hits: [{ id: 'l1', title: 'Lead', subtitle: '' }] },
				{ record_type: 'account', hits: [{ id: 'a1', title: 'Müller AG', subtitle: '' }] }
			]
		});
		const found = await searchParties(' mu');
		expect(api.call).toHaveBeenCalledWith('search', { q: 'mu', limit: PICKER_LIMIT });
		expect(found.map((o) => [o.type, o.id])).toEqual([
			['account', 'a1'],
			['contact', 'c1']
		]);
		expect(found[1]).toEqual({
			type: 'contact',
			id: 'c1',
			name: 'Anna Müller',
			subtitle: 'a@x'
		});
	});
});

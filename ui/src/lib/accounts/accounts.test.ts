import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '$lib/bindings';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('$lib/api', () => api);
const { accountToInput, changedFields, draftFromAccount, emptyDraft, formFieldKey, prepareInput } =
	await import('./form');
const { DEFAULT_ACCOUNT_QUERY, accountFilterFields, listArgs, websiteHref, websiteText } =
	await import('./list');

function account(partial: Partial<Account> = {}): Account {
	return {
		id: 'a1',
		created_at: '2026-11-25T10:00:00Z',
		updated_at: '2026-11-25T10:00:00Z',
		deleted_at: null,
		owner_id: null,
		name: 'Acme GmbH',
		account_type: 'customer',
		parent_id: null,
		industry: 'Steel',
		website: 'acme.example',
		emails: [{ value: 'info@acme.example', label: 'work', primary: true }],
		phones: [],
		billing_address: {
			label: '',
			street: 'Hauptstr. 1',
			city: 'Berlin',
			region: '',
			postal_code: '10115',
			country: 'DE'
		},
		shipping_address: null,
		tax_id: 'DE123',
		annual_revenue: '1250000.5',
		employees: 250,
		rating: 'hot',
		description: '',
		tags: ['vip'],
		...partial
	};
}

describe('accounts list', () => {
	it('asks for a page of the query with its sort and filters', () => {
		const query = {
			...DEFAULT_ACCOUNT_QUERY,
			sort: 'industry' as const,
			desc: true,
			q: ' acme ',
			tag: 'key'
		};
		expect(listArgs(query, 'cur', 200)).toEqual({
			sort: 'industry',
			desc: true,
			after: 'cur',
			limit: 200,
			q: 'acme',
			starts_with: '',
			tag: 'key'
		});
	});

	it('filters the type and rating by their values and the parent by whether there is one', () => {
		const fields = accountFilterFields();
		expect(fields.find((f) => f.id === 'account_type')?.choices?.map((c) => c.value)).toEqual([
			'customer',
			'prospect',
			'partner',
			'competitor',
			'reseller',
			'other'
		]);
		expect(fields.find((f) => f.id === 'rating')?.kind).toBe('choice');
		expect(fields.find((f) => f.id === 'parent_id')?.kind).toBe('link');
	});

	it('shows and links websites', () => {
		expect(websiteText('https://acme.example/')).toBe('acme.example');
		expect(websiteHref('acme.example')).toBe('https://acme.example');
		expect(websiteHref('http://acme.example')).toBe('http://acme.example');
		expect(websiteHref('  ')).toBeNull();
	});
});

describe('account form', () => {
	beforeEach(() => api.call.mockReset());

	it('sends a blank form as a blank account without addresses or numbers', () => {
		const { input, problems } = prepareInput(emptyDraft());
		expect(problems).toEqual({});
		expect(input).toMatchObject({
			name: '',
			account_type: 'customer',
			parent_id: null,
			emails: [],
			phones: [],
			billing_address: null,
			shipping_address: null,
			annual_revenue: null,
			employees: null,
			rating: null,
			tags: []
		});
	});

	it('round-trips a saved account without changes', () => {
		const saved = account({ parent_id: 'p1' });
		const draft = draftFromAccount(saved, 'Acme Holding');
		expect(draft.parent).toEqual({ id: 'p1', name: 'Acme Holding' });
		expect(draft.phones).toHaveLength(1);
		expect(draft.annual_revenue).toBe('1250000.5');
		expect(draft.employees).toBe('250');
		const { input } = prepareInput(draft);
		expect(changedFields(accountToInput(saved), input)).toEqual({});
	});

	it('keeps revenue as exact decimal text and counts equal amounts as unchanged', () => {
		const saved = account();
		const draft = draftFromAccount(saved);
		draft.annual_revenue = '1250000.50';
		expect(changedFields(accountToInput(saved), prepareInput(draft).input)).toEqual({});
		draft.annual_revenue = '12345678901234567890.12';
		const { input } = prepareInput(draft);
		expect(input.annual_revenue).toBe('12345678901234567890.12');
		expect(changedFields(accountToInput(saved), input)).toEqual({
			annual_revenue: '12345678901234567890.12'
		});
		draft.annual_revenue = '1 250 000';
		expect(prepareInput(draft).input.annual_revenue).toBe('1250000');
		draft.annual_revenue = '';
		expect(changedFields(accountToInput(saved), prepareInput(draft).input)).toEqual({
			annual_revenue: null
		});
	});

	it('reports numbers it cannot send', () => {
		const draft = emptyDraft();
		draft.annual_revenue = '1,5 Mio';
		draft.employees = '12.5';
		const { input, problems } = prepareInput(draft);
		expect(Object.keys(problems).sort()).toEqual(['annual_revenue', 'employees']);
		expect(input.annual_revenue).toBeNull();
		expect(input.employees).toBeNull();
		draft.employees = '99999999999';
		expect(prepareInput(draft).problems.employees).toBeDefined();
	});

	it('sends an address once anything but its label is typed', () => {
		const draft = emptyDraft();
		draft.shipping_address.label = 'Dock';
		expect(prepareInput(draft).input.shipping_address).toBeNull();
		draft.shipping_address.city = 'Hamburg';
		expect(prepareInput(draft).input.shipping_address).toEqual({
			label: 'Dock',
			street: '',
			city: 'Hamburg',
			region: '',
			postal_code: '',
			country: ''
		});
	});

	it('maps the core field paths to the form controls', () => {
		const draft = emptyDraft();
		draft.emails[0]!.value = '';
		draft.emails.push({ key: 99, value: 'x@', label: '', primary: false });
		const prepared = prepareInput(draft);
		expect(formFieldKey('emails[0]', prepared)).toBe('emails-1');
		expect(formFieldKey('billing_address.city', prepared)).toBe('billing_address-city');
		expect(formFieldKey('parent_id', prepared)).toBe('parent');
		expect(formFieldKey('name', prepared)).toBe('name');
	});
});

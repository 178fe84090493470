import { CONTACT_FILTER_FIELDS, DEFAULT_CONTACT_QUERY, listArgs } from '$lib/contacts/list';
import { describe, expect, it } from 'vitest';
import {
	appliedConditions,
	conditionDrafts,
	fieldOps,
	hasFilters,
	needsValue,
	newCondition,
	sameConditions,
	withField,
	type FilterField
} from './filters';
import { alphabetLetters, defaultAlphabet } from './letters';
import { BASE_QUERY, ownFields, queryFromView, sortBy, viewQuery, type ListQuery } from './query';

const FIELDS: readonly FilterField[] = [
	{ id: 'city', label: 'contacts.field.city' },
	{ id: 'email', label: 'contacts.field.email' },
	{ id: 'account_id', label: 'contacts.field.account_id', kind: 'link' },
	{
		id: 'status',
		label: 'leads.col.status',
		kind: 'choice',
		choices: [
			{ value: 'new', label: 'New' },
			{ value: 'qualified', label: 'Qualified' }
		]
	}
];
const [city, email, account, status] = FIELDS as [
	FilterField,
	FilterField,
	FilterField,
	FilterField
];

describe('list sorting', () => {
	it('toggles the direction of the sorted column and resets for a new one', () => {
		const byName = sortBy(BASE_QUERY, 'name');
		expect(byName).toMatchObject({ sort: 'name', desc: true });
		expect(sortBy(byName, 'name')).toMatchObject({ sort: 'name', desc: false });
		expect(sortBy({ ...byName, starts_with: 'M', q: 'x' }, 'city')).toEqual({
			...BASE_QUERY,
			sort: 'city',
			q: 'x'
		});
	});

	it('starts a highest-first column descending', () => {
		expect(sortBy(BASE_QUERY, 'score', true)).toMatchObject({ sort: 'score', desc: true });
		expect(sortBy(sortBy(BASE_QUERY, 'score', true), 'score', true).desc).toBe(false);
	});

	it('offers the alphabet of the locale', () => {
		expect(defaultAlphabet('ru-RU')).toBe('cyrillic');
		expect(defaultAlphabet('uk-UA')).toBe('cyrillic');
		expect(defaultAlphabet('de-AT')).toBe('latin');
		expect(alphabetLetters('latin', 'en-US')).toHaveLength(26);
		expect(alphabetLetters('cyrillic', 'uk-UA')).toContain('Ї');
		expect(alphabetLetters('cyrillic', 'ru-RU')).toContain('Ё');
	});
});

describe('list filter bar', () => {
	it('offers the comparisons that fit each kind of field', () => {
		expect(fieldOps(city)).toHaveLength(6);
		expect(fieldOps(account)).toEqual(['is_empty', 'is_not_empty']);
		expect(fieldOps(status)).toEqual(['equals', 'not_equals', 'is_empty', 'is_not_empty']);
		expect(needsValue('contains')).toBe(true);
		expect(needsValue('is_empty')).toBe(false);
		expect(newCondition(FIELDS)).toEqual({ field: 'city', op: 'contains', value: '' });
		expect(newCondition([account])).toEqual({ field: 'account_id', op: 'is_empty', value: '' });
	});

	it('keeps the comparison when the field offers it', () => {
		const row = { field: 'city', op: 'equals' as const, value: 'Wien' };
		expect(withField(row, email)).toEqual({ field: 'email', op: 'equals', value: 'Wien' });
		expect(withField(row, account).op).toBe('is_empty');
		expect(withField({ ...row, op: 'is_not_empty' }, account).op).toBe('is_not_empty');
		// A choice starts without a value: the typed text is not one of its values.
		expect(withField(row, status)).toEqual({ field: 'status', op: 'equals', value: '' });
	});

	it('filters by the rows filled in, with trimmed values', () => {
		expect(
			appliedConditions(
				[
					{ field: 'city', op: 'equals', value: ' Wien ' },
					{ field: 'email', op: 'contains', value: '  ' },
					{ field: 'status', op: 'is_empty', value: 'left over' },
					{ field: 'account_id', op: 'contains', value: 'x' },
					{ field: 'salary', op: 'equals', value: '1' }
				],
				FIELDS
			)
		).toEqual([
			{ field: 'city', op: 'equals', value: 'Wien' },
			{ field: 'status', op: 'is_empty', value: '' }
		]);
		expect(sameConditions([], appliedConditions([newCondition(FIELDS)], FIELDS))).toBe(true);
	});

	it('puts the filters into the list arguments only when they are used', () => {
		const query = {
			...DEFAULT_CONTACT_QUERY,
			q: ' ann ',
			tag: 'vip',
			owner_id: 'u1',
			conditions: [{ field: 'city', op: 'starts_with' as const, value: 'Gr' }]
		};
		expect(hasFilters(query)).toBe(true);
		expect(hasFilters(DEFAULT_CONTACT_QUERY)).toBe(false);
		expect(listArgs(query, null, 50)).toEqual({
			sort: 'name',
			desc: false,
			after: null,
			limit: 50,
			q: 'ann',
			starts_with: '',
			tag: 'vip',
			owner_id: 'u1',
			conditions: [{ field: 'city', op: 'starts_with', value: 'Gr' }]
		});
		expect(listArgs(DEFAULT_CONTACT_QUERY, 'cursor', 50)).toEqual({
			sort: 'name',
			desc: false,
			after: 'cursor',
			limit: 50,
			q: '',
			starts_with: ''
		});
	});
});

describe('saved views', () => {
	interface LeadLike extends ListQuery {
		status: string | null;
	}
	const defaults: LeadLike = { ...BASE_QUERY, status: null };
	const query: LeadLike = {
		...defaults,
		sort: 'city',
		desc: true,
		q: ' müller ',
		starts_with: 'M',
		tag: 'fair 2026',
		status: 'qualified',
		conditions: [
			{ field: 'email', op: 'is_not_empty', value: '' },
			{ field: 'city', op: 'equals', value: 'Graz' }
		]
	};
	const sorts = ['name', 'city'];
	const fields = FIELDS.map((f) => f.id);

	it('saves the sort, filters and the list’s own fields without the jump position', () => {
		expect(viewQuery(query)).toEqual({
			sort: 'city',
			desc: true,
			q: 'müller',
			tag: 'fair 2026',
			owner_id: null,
			status: 'qualified',
			conditions: query.conditions
		});
		expect(viewQuery(defaults)).toMatchObject({ tag: null, conditions: [] });
		expect(ownFields(query)).toEqual({ status: 'qualified' });
	});

	it('round-trips a view to the same list', () => {
		const back = queryFromView(viewQuery(query), defaults, sorts, fields);
		expect(back).toEqual({ ...query, q: 'müller', starts_with: '' });
		expect(conditionDrafts(back.conditions, FIELDS)).toEqual(query.conditions);
		expect(queryFromView(viewQuery(defaults), defaults, sorts, fields)).toEqual(defaults);
	});

	it('leaves out what the list does not know', () => {
		expect(
			queryFromView(
				{
					sort: 'revenue',
					desc: 'yes',
					q: 3,
					tag: null,
					status: 7,
					conditions: [
						{ field: 'city', op: 'equals', value: 'Wien' },
						{ field: 'salary', op: 'equals', value: '1' },
						{ field: 'city', op: 'like', value: 'x' },
						{ field: 'email', op: 'is_empty' },
						'garbage'
					]
				},
				defaults,
				sorts,
				fields
			)
		).toEqual({
			...defaults,
			conditions: [
				{ field: 'city', op: 'equals', value: 'Wien' },
				{ field: 'email', op: 'is_empty', value: '' }
			]
		});
		expect(queryFromView({}, defaults, sorts, fields)).toEqual(defaults);
		expect(CONTACT_FILTER_FIELDS.map((f) => f.id)).toContain('account_id');
	});
});

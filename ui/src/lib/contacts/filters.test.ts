import { describe, expect, it } from 'vitest';
import {
	CONTACT_FILTER_FIELDS,
	appliedConditions,
	conditionDrafts,
	fieldOps,
	hasFilters,
	needsValue,
	newCondition,
	queryFromView,
	sameConditions,
	sameFilters,
	viewQuery,
	withField,
	withFilters
} from './filters';
import { DEFAULT_CONTACT_QUERY, listArgs, type ContactQuery } from './list';

describe('contacts filter bar', () => {
	it('offers the fields the core filters contacts by', () => {
		expect([...CONTACT_FILTER_FIELDS]).toEqual([
			'first_name',
			'last_name',
			'title',
			'department',
			'email',
			'phone',
			'city',
			'lead_source',
			'birthday',
			'account_id'
		]);
		expect(fieldOps('city')).toHaveLength(6);
		expect(fieldOps('account_id')).toEqual(['is_empty', 'is_not_empty']);
		expect(needsValue('contains')).toBe(true);
		expect(needsValue('is_empty')).toBe(false);
	});

	it('keeps the comparison when the field offers it', () => {
		const row = { ...newCondition(), op: 'equals' as const, value: 'Wien' };
		expect(withField(row, 'email')).toEqual({ field: 'email', op: 'equals', value: 'Wien' });
		expect(withField(row, 'account_id').op).toBe('is_empty');
		expect(withField({ ...row, op: 'is_not_empty' }, 'account_id').op).toBe('is_not_empty');
	});

	it('filters by the rows filled in, with trimmed values', () => {
		expect(
			appliedConditions([
				{ field: 'city', op: 'equals', value: ' Wien ' },
				{ field: 'email', op: 'contains', value: '  ' },
				{ field: 'phone', op: 'is_empty', value: 'left over' },
				{ field: 'account_id', op: 'contains', value: 'x' }
			])
		).toEqual([
			{ field: 'city', op: 'equals', value: 'Wien' },
			{ field: 'phone', op: 'is_empty', value: '' }
		]);
		expect(sameConditions([], appliedConditions([newCondition()]))).toBe(true);
	});

	it('puts the tag and conditions into the list query', () => {
		const query = withFilters({ ...DEFAULT_CONTACT_QUERY, q: 'ann' }, 'vip', [
			{ field: 'city', op: 'starts_with', value: 'Gr' }
		]);
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
			conditions: [{ field: 'city', op: 'starts_with', value: 'Gr' }]
		});
		expect(listArgs(DEFAULT_CONTACT_QUERY, null, 50)).toEqual({
			sort: 'name',
			desc: false,
			after: null,
			limit: 50,
			q: '',
			starts_with: ''
		});
		expect(sameFilters(query, { ...query, q: 'other' })).toBe(true);
		expect(sameFilters(query, { ...DEFAULT_CONTACT_QUERY, tag: 'vip' })).toBe(false);
		expect(
			sameFilters(DEFAULT_CONTACT_QUERY, { sort: 'name', desc: false, q: '', starts_with: '' })
		).toBe(true);
	});
});

describe('saved contact views', () => {
	const query: ContactQuery = {
		sort: 'city',
		desc: true,
		q: ' müller ',
		starts_with: 'M',
		tag: 'fair 2026',
		conditions: [
			{ field: 'email', op: 'is_not_empty', value: '' },
			{ field: 'lead_source', op: 'equals', value: 'fair' }
		]
	};

	it('saves the sort and filters without the jump position', () => {
		expect(viewQuery(query)).toEqual({
			sort: 'city',
			desc: true,
			q: 'müller',
			tag: 'fair 2026',
			conditions: query.conditions
		});
		expect(viewQuery(DEFAULT_CONTACT_QUERY)).toMatchObject({ tag: null, conditions: [] });
	});

	it('round-trips a view to the same list', () => {
		const back = queryFromView(viewQuery(query));
		expect(back).toEqual({ ...query, q: 'müller', starts_with: '' });
		expect(conditionDrafts(back.conditions)).toEqual(query.conditions);
		expect(queryFromView(viewQuery(DEFAULT_CONTACT_QUERY))).toEqual(DEFAULT_CONTACT_QUERY);
	});

	it('leaves out what the list does not know', () => {
		expect(
			queryFromView({
				sort: 'revenue',
				desc: 'yes',
				q: 3,
				tag: null,
				conditions: [
					{ field: 'city', op: 'equals', value: 'Wien' },
					{ field: 'salary', op: 'equals', value: '1' },
					{ field: 'city', op: 'like', value: 'x' },
					{ field: 'phone', op: 'is_empty' },
					'garbage'
				]
			})
		).toEqual({
			...DEFAULT_CONTACT_QUERY,
			conditions: [
				{ field: 'city', op: 'equals', value: 'Wien' },
				{ field: 'phone', op: 'is_empty', value: '' }
			]
		});
		expect(queryFromView({})).toEqual(DEFAULT_CONTACT_QUERY);
	});
});

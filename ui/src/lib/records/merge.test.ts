import { describe, expect, it } from 'vitest';
import { joinedList, mergeRows, outcome, resultValue, takeFields } from './merge';

const winner = {
	first_name: 'Anna',
	last_name: 'Müller',
	title: '',
	emails: [{ value: 'anna@x.de', label: 'work', primary: true }],
	phones: [],
	tags: ['vip'],
	account_id: 'a1'
};
const loser = {
	first_name: 'Anne',
	last_name: 'Müller',
	title: 'CFO',
	emails: [
		{ value: 'anna@x.de', label: '', primary: true },
		{ value: 'a.mueller@y.de', label: '', primary: true }
	],
	phones: [],
	tags: ['vip', 'north'],
	account_id: 'a2'
};

describe('merge model', () => {
	const rows = mergeRows('contact', winner, loser);
	const row = (field: string) => rows.find((r) => r.field === field)!;

	it('lists every field of the record type with both values', () => {
		expect(rows.map((r) => r.field)).toEqual([
			'salutation',
			'first_name',
			'last_name',
			'title',
			'department',
			'account_id',
			'emails',
			'phones',
			'addresses',
			'birthday',
			'lead_source',
			'notes',
			'tags'
		]);
		expect(row('first_name')).toMatchObject({
			label: 'First name',
			winnerText: 'Anna',
			loserText: 'Anne',
			same: false,
			list: false
		});
		expect(row('last_name').same).toBe(true);
		expect(row('salutation').same).toBe(true);
		expect(row('emails').list).toBe(true);
	});

	it('tells what each pick gives the record that stays', () => {
		expect(outcome(row('first_name'), 'winner')).toBe('kept');
		expect(outcome(row('first_name'), 'loser')).toBe('taken');
		expect(outcome(row('title'), 'winner')).toBe('filled');
		expect(resultValue(row('title'), 'winner')).toBe('CFO');
		expect(outcome(row('emails'), 'winner')).toBe('combined');
		expect(outcome(row('last_name'), 'loser')).toBe('same');
		expect(resultValue(row('tags'), 'winner')).toEqual(['vip', 'north']);
	});

	it('joins lists as the core does: new items last and never primary', () => {
		expect(joinedList(winner.emails, loser.emails)).toEqual([
			{ value: 'anna@x.de', label: 'work', primary: true },
			{ value: 'a.mueller@y.de', label: '', primary: false }
		]);
		expect(joinedList(null, ['a'])).toEqual(['a']);
	});

	it('takes only the fields picked from the duplicate that differ', () => {
		expect(
			takeFields(rows, {
				first_name: 'loser',
				last_name: 'loser',
				title: 'winner',
				account_id: 'loser'
			})
		).toEqual(['first_name', 'account_id']);
	});

	it('compares accounts by their fields', () => {
		const accountRows = mergeRows(
			'account',
			{ name: 'Acme', annual_revenue: '100', rating: null },
			{ name: 'ACME GmbH', annual_revenue: '100', rating: 'hot' }
		);
		expect(accountRows[0]).toMatchObject({ field: 'name', same: false });
		const revenue = accountRows.find((r) => r.field === 'annual_revenue')!;
		expect(revenue.same).toBe(true);
		const rating = accountRows.find((r) => r.field === 'rating')!;
		expect(rating.loserText).toBe('Hot');
		expect(outcome(rating, 'winner')).toBe('filled');
	});
});

import type { Contract } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	contractChanges,
	contractToInput,
	draftFromContract,
	emptyContractDraft,
	nextStatuses,
	prepareContract,
	todayIso
} from './form';

const saved: Contract = {
	id: 'c1',
	created_at: '2026-01-01T00:00:00Z',
	updated_at: '2026-01-01T00:00:00Z',
	deleted_at: null,
	owner_id: null,
	number: 'C-00001',
	status: 'draft',
	remind_on: '2026-12-01',
	subject: 'Support',
	account_id: 'a1',
	opportunity_id: null,
	quote_id: null,
	start_date: '2026-01-01',
	term_months: 12,
	end_date: '2026-12-31',
	value: '12000.50',
	currency: 'EUR',
	reminder_days: 30,
	description: '',
	tags: []
};

function prepared(draft = draftFromContract(saved, 'de-DE'), locale = 'de-DE') {
	const p = prepareContract(draft, locale);
	if (!p.ok) throw new Error(`unreadable ${p.field}`);
	return p.input;
}

describe('contract form', () => {
	it('reads the value as exact decimal text in the locale', () => {
		const draft = { ...emptyContractDraft('2026-03-01'), value: '1.234.567,89' };
		expect(prepared(draft).value).toBe('1234567.89');
		expect(draftFromContract(saved, 'de-DE').value).toBe('12000,50');
	});

	it('names the field that cannot be read', () => {
		const draft = emptyContractDraft('2026-03-01');
		expect(prepareContract({ ...draft, value: '12x' }, 'en-US')).toEqual({
			ok: false,
			field: 'value'
		});
		expect(prepareContract({ ...draft, term_months: '1.5' }, 'en-US')).toEqual({
			ok: false,
			field: 'term_months'
		});
		expect(prepareContract({ ...draft, reminder_days: '-3' }, 'en-US')).toEqual({
			ok: false,
			field: 'reminder_days'
		});
	});

	it('leaves the end date to the core when a term is given', () => {
		const draft = {
			...emptyContractDraft('2026-03-01'),
			term_months: '24',
			end_date: '2027-01-01'
		};
		expect(prepared(draft)).toMatchObject({ term_months: 24, end_date: null });
		const typed = { ...draft, term_months: '', end_date: '2027-01-01' };
		expect(prepared(typed)).toMatchObject({ term_months: null, end_date: '2027-01-01' });
	});

	it('sends nothing when nothing changed, and the same value in other digits is no change', () => {
		const original = contractToInput(saved);
		expect(contractChanges(original, prepared())).toEqual({});
		const draft = { ...draftFromContract(saved, 'de-DE'), value: '12000,5' };
		expect(contractChanges(original, prepared(draft))).toEqual({});
	});

	it('asks the core for a new end date when the start or the term moves', () => {
		const original = contractToInput(saved);
		const draft = { ...draftFromContract(saved, 'de-DE'), term_months: '6' };
		expect(contractChanges(original, prepared(draft))).toEqual({ term_months: 6, end_date: null });
		const moved = { ...draftFromContract(saved, 'de-DE'), start_date: '2026-02-01' };
		expect(contractChanges(original, prepared(moved))).toEqual({
			start_date: '2026-02-01',
			end_date: null
		});
	});

	it('sends a typed end date once the term is cleared', () => {
		const original = contractToInput(saved);
		const draft = { ...draftFromContract(saved, 'de-DE'), term_months: '', end_date: '2027-06-30' };
		expect(contractChanges(original, prepared(draft))).toEqual({
			term_months: null,
			end_date: '2027-06-30'
		});
	});

	it('offers the status steps the core allows', () => {
		expect(nextStatuses('draft')).toEqual(['active', 'terminated']);
		expect(nextStatuses('active')).toEqual(['expired', 'terminated']);
		expect(nextStatuses('expired')).toEqual([]);
		expect(nextStatuses('terminated')).toEqual([]);
	});

	it('dates today in the local calendar', () => {
		expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
	});
});

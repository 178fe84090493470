import type { Opportunity } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	draftFromOpportunity,
	opportunityChanges,
	opportunityToInput,
	prepareOpportunity,
	sameDecimal
} from './form';
import { DEFAULT_OPPORTUNITY_QUERY, opportunityListArgs, stageName } from './list';
import { amountForInput, parseAmount } from './money';
import { NameCache } from './names';

describe('parseAmount', () => {
	it('reads plain and localised amounts as exact decimal text', () => {
		expect(parseAmount('12500', 'en-US')).toEqual({ ok: true, value: '12500' });
		expect(parseAmount('12,500.50', 'en-US')).toEqual({ ok: true, value: '12500.50' });
		expect(parseAmount('12.500,50', 'de-DE')).toEqual({ ok: true, value: '12500.50' });
		expect(parseAmount('12 500,50', 'fr-FR')).toEqual({ ok: true, value: '12500.50' });
		expect(parseAmount("1'250.5", 'de-CH')).toEqual({ ok: true, value: '1250.5' });
		expect(parseAmount('1000,5', 'de-DE')).toEqual({ ok: true, value: '1000.5' });
		expect(parseAmount('1,000', 'en-US')).toEqual({ ok: true, value: '1000' });
		expect(parseAmount('0.10', 'en-US')).toEqual({ ok: true, value: '0.10' });
	});

	it('keeps every digit of large amounts (no floating point)', () => {
		expect(parseAmount('12345678901234567.89', 'en-US')).toEqual({
			ok: true,
			value: '12345678901234567.89'
		});
	});

	it('treats empty text as no amount and refuses other text', () => {
		expect(parseAmount('  ', 'en-US')).toEqual({ ok: true, value: null });
		expect(parseAmount('12 apples', 'en-US')).toEqual({ ok: false });
		expect(parseAmount('1.2.3,4,5', 'en-US')).toEqual({ ok: false });
		expect(parseAmount('.', 'en-US')).toEqual({ ok: false });
	});

	it('shows the core amount for editing in the locale', () => {
		expect(amountForInput('12500.50', 'de-DE')).toBe('12500,50');
		expect(amountForInput('12500.50', 'en-US')).toBe('12500.50');
		expect(amountForInput(null, 'en-US')).toBe('');
		expect(parseAmount(amountForInput('12500.50', 'de-DE'), 'de-DE')).toEqual({
			ok: true,
			value: '12500.50'
		});
	});
});

const saved: Opportunity = {
	id: 'opp-1',
	created_at: '2026-01-02T03:04:05Z',
	updated_at: '2026-01-02T03:04:05Z',
	deleted_at: null,
	owner_id: null,
	lead_id: 'lead-1',
	closed_on: null,
	name: 'Weber GmbH',
	account_id: 'acc-1',
	contact_id: 'con-1',
	amount: '12500.50',
	currency: 'EUR',
	close_date: '2026-04-15',
	stage: 'prospecting',
	probability: 10,
	lead_source: 'web',
	description: '',
	tags: []
};

describe('opportunity form', () => {
	it('shows a saved opportunity without changes', () => {
		const draft = draftFromOpportunity(saved, 'de-DE');
		expect(draft.amount).toBe('12500,50');
		const prepared = prepareOpportunity(draft, 'de-DE');
		expect(prepared.ok && opportunityChanges(opportunityToInput(saved), prepared.input)).toEqual(
			{}
		);
	});

	it('compares amounts by value and sends the changed ones as text', () => {
		const draft = draftFromOpportunity(saved, 'en-US');
		draft.amount = '12500.5';
		let prepared = prepareOpportunity(draft, 'en-US');
		expect(prepared.ok && opportunityChanges(opportunityToInput(saved), prepared.input)).toEqual(
			{}
		);
		draft.amount = '13,000';
		draft.stage = 'proposal';
		prepared = prepareOpportunity(draft, 'en-US');
		expect(prepared.ok && opportunityChanges(opportunityToInput(saved), prepared.input)).toEqual({
			amount: '13000',
			stage: 'proposal'
		});
	});

	it('reports an amount it cannot read', () => {
		const draft = draftFromOpportunity(saved, 'en-US');
		draft.amount = 'lots';
		expect(prepareOpportunity(draft, 'en-US')).toEqual({
			ok: false,
			errors: { amount: 'not_a_number' }
		});
	});

	it('upper-cases the currency and sends no close date when empty', () => {
		const draft = draftFromOpportunity(saved, 'en-US');
		draft.currency = 'usd';
		draft.close_date = '';
		const prepared = prepareOpportunity(draft, 'en-US');
		expect(prepared.ok && prepared.input.currency).toBe('USD');
		expect(prepared.ok && prepared.input.close_date).toBeNull();
	});

	it('compares decimal texts', () => {
		expect(sameDecimal('1000.50', '1000.5')).toBe(true);
		expect(sameDecimal('007', '7.00')).toBe(true);
		expect(sameDecimal('-0.0', '0')).toBe(true);
		expect(sameDecimal('1', null)).toBe(false);
	});
});

describe('opportunities list', () => {
	it('builds the list arguments and names stages', () => {
		expect(
			opportunityListArgs(
				{ ...DEFAULT_OPPORTUNITY_QUERY, q: ' web ', sort: 'amount', stage_kind: 'open' },
				null,
				200
			)
		).toEqual({
			sort: 'amount',
			desc: false,
			after: null,
			limit: 200,
			q: 'web',
			stage_kind: 'open'
		});
		const stages = [
			{
				key: 'proposal',
				name: 'Proposal',
				probability: 60,
				closed: false,
				won: false,
				position: 4,
				kind: 'open' as const,
				coaching: ''
			}
		];
		expect(stageName(stages, 'proposal')).toBe('Proposal');
		expect(stageName(stages, 'custom')).toBe('custom');
	});

	it('fetches each account name once', async () => {
		const asked: string[] = [];
		const names = new NameCache(async (id) => {
			asked.push(id);
			return `Account ${id}`;
		});
		let changes = 0;
		names.onChange(() => (changes += 1));
		await Promise.all([names.request(['a', 'b', 'a']), names.request(['a'])]);
		await names.request(['b', null]);
		expect(asked).toEqual(['a', 'b']);
		expect(names.get('a')).toBe('Account a');
		expect(changes).toBeGreaterThan(0);
	});
});

describe('won and lost reasons', () => {
	it('are sent when given and left out otherwise', () => {
		const lost = prepareOpportunity(
			{ ...draftFromOpportunity(saved, 'en-US'), stage: 'closed_lost', lost_reason: ' Price ' },
			'en-US'
		);
		expect(lost.ok && lost.input.lost_reason).toBe('Price');
		const open = prepareOpportunity(draftFromOpportunity(saved, 'en-US'), 'en-US');
		expect(open.ok && 'lost_reason' in open.input).toBe(false);
	});
});

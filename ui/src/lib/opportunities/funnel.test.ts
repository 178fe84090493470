import type { FunnelStage, StageAmount } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import { funnelCurrency, funnelRows, hasOtherCurrencies } from './funnel';

function stage(key: string, amounts: [string, number, string][]): FunnelStage {
	const list: StageAmount[] = amounts.map(([currency, count, amount]) => ({
		currency,
		count,
		amount,
		weighted: '0'
	}));
	return {
		stage: {
			key,
			name: key,
			probability: 10,
			closed: false,
			won: false,
			position: 0,
			kind: 'open',
			coaching: ''
		},
		count: list.reduce((n, a) => n + a.count, 0),
		amounts: list
	};
}

const FUNNEL = [
	stage('prospecting', [
		['EUR', 2, '150.50'],
		['USD', 5, '10.00']
	]),
	stage('proposal', [['USD', 1, '7.00']]),
	stage('negotiation', [])
];

describe('funnel', () => {
	it('shows the preferred currency when deals use it, else the most used one', () => {
		expect(funnelCurrency(FUNNEL, 'EUR')).toBe('EUR');
		expect(funnelCurrency(FUNNEL, 'GBP')).toBe('USD');
		expect(funnelCurrency(FUNNEL, '')).toBe('USD');
		expect(funnelCurrency([stage('x', [])], 'EUR')).toBe('EUR');
		expect(funnelCurrency([stage('x', [])], '')).toBeNull();
	});

	it('gives each stage its count, the core’s amount in that currency and a bar by count', () => {
		expect(funnelRows(FUNNEL, 'EUR')).toEqual([
			{ key: 'prospecting', name: 'prospecting', count: 7, amount: '150.50', share: 1 },
			{ key: 'proposal', name: 'proposal', count: 1, amount: null, share: 1 / 7 },
			{ key: 'negotiation', name: 'negotiation', count: 0, amount: null, share: 0 }
		]);
		expect(funnelRows([stage('x', [])], null)[0]?.share).toBe(0);
	});

	it('tells when deals in other currencies are left out of the amounts', () => {
		expect(hasOtherCurrencies(FUNNEL, 'EUR')).toBe(true);
		expect(hasOtherCurrencies([stage('x', [['EUR', 1, '1.00']])], 'EUR')).toBe(false);
	});
});

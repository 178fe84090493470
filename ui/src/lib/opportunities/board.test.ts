import type { BoardColumn, OpportunityRow, Stage, StageKind } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	adjacentStage,
	closeKind,
	findCard,
	hiddenCards,
	moveArgs,
	moveTargets,
	planMove
} from './board';

function stage(key: string, kind: StageKind = 'open', position = 0): Stage {
	return {
		key,
		name: key.toUpperCase(),
		probability: 10,
		closed: kind !== 'open',
		won: kind === 'won',
		position,
		kind,
		coaching: ''
	};
}

function card(id: string, stageKey: string): OpportunityRow {
	return {
		id,
		name: `Deal ${id}`,
		account_id: 'acc',
		amount: '100.00',
		currency: 'EUR',
		close_date: null,
		stage: stageKey,
		probability: 10,
		updated_at: ''
	};
}

function column(s: Stage, ids: string[], count = ids.length): BoardColumn {
	return { stage: s, count, amounts: [], cards: ids.map((id) => card(id, s.key)) };
}

const BOARD: BoardColumn[] = [
	column(stage('prospecting', 'open', 0), ['a', 'b'], 5),
	column(stage('proposal', 'open', 1), ['c']),
	column(stage('won', 'won', 2), []),
	column(stage('lost', 'lost', 3), [])
];

describe('board', () => {
	it('finds a card and its column', () => {
		expect(findCard(BOARD, 'c')?.column.stage.key).toBe('proposal');
		expect(findCard(BOARD, 'b')?.card.name).toBe('Deal b');
		expect(findCard(BOARD, 'zz')).toBeNull();
	});

	it('offers every other stage in order as a target', () => {
		expect(moveTargets(BOARD, 'proposal').map((s) => s.key)).toEqual([
			'prospecting',
			'won',
			'lost'
		]);
	});

	it('steps to the neighbouring column and stops at the ends', () => {
		expect(adjacentStage(BOARD, 'prospecting', 1)?.key).toBe('proposal');
		expect(adjacentStage(BOARD, 'proposal', -1)?.key).toBe('prospecting');
		expect(adjacentStage(BOARD, 'prospecting', -1)).toBeNull();
		expect(adjacentStage(BOARD, 'lost', 1)).toBeNull();
		expect(adjacentStage(BOARD, 'nowhere', 1)).toBeNull();
	});

	it('moves to an open stage directly and asks the reason for won and lost', () => {
		const open = planMove(BOARD, 'a', 'proposal');
		expect(open.kind).toBe('move');
		if (open.kind === 'move')
			expect([open.from.key, open.to.key]).toEqual(['prospecting', 'proposal']);
		const won = planMove(BOARD, 'c', 'won');
		expect(won.kind === 'ask' && won.close).toBe('won');
		const lost = planMove(BOARD, 'c', 'lost');
		expect(lost.kind === 'ask' && lost.close).toBe('lost');
	});

	it('does nothing for a drop on the own column or unknown cards and stages', () => {
		expect(planMove(BOARD, 'a', 'prospecting').kind).toBe('none');
		expect(planMove(BOARD, 'zz', 'proposal').kind).toBe('none');
		expect(planMove(BOARD, 'a', 'nowhere').kind).toBe('none');
	});

	it('sends the reason in the field of the closing kind, trimmed, only when given', () => {
		const [won, lost, open] = [BOARD[2]!.stage, BOARD[3]!.stage, BOARD[1]!.stage];
		expect(moveArgs('a', won, ' Best fit ')).toEqual({
			ids: ['a'],
			stage: 'won',
			won_reason: 'Best fit'
		});
		expect(moveArgs('a', lost, 'Price')).toEqual({
			ids: ['a'],
			stage: 'lost',
			lost_reason: 'Price'
		});
		expect(moveArgs('a', lost, '  ')).toEqual({ ids: ['a'], stage: 'lost' });
		expect(moveArgs('a', open, 'ignored')).toEqual({ ids: ['a'], stage: 'proposal' });
	});

	it('names the closing kind of a stage and counts the cards not shown', () => {
		expect(BOARD.map((c) => closeKind(c.stage))).toEqual([null, null, 'won', 'lost']);
		expect(hiddenCards(BOARD[0]!)).toBe(3);
		expect(hiddenCards(BOARD[1]!)).toBe(0);
	});
});

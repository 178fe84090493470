// The pipeline board's logic: which card is where, where a card may go (by drag, its menu or
// Shift+arrow), whether the target stage asks why the deal was won or lost, and the arguments of
// the move. Counts and amounts always come from the core (pipeline_board), never from here.
import type { BoardColumn, BulkOpportunityStage, OpportunityRow, Stage } from '$lib/bindings';

export type CloseKind = 'lost' | 'won';

/** The reason a stage asks for when a deal enters it: lost and won stages close the deal. */
export function closeKind(stage: Stage): CloseKind | null {
	return stage.kind === 'open' ? null : stage.kind;
}

/** A card and the column it is in. */
export interface Located {
	card: OpportunityRow;
	column: BoardColumn;
}

export function findCard(columns: readonly BoardColumn[], id: string): Located | null {
	for (const column of columns) {
		const card = column.cards.find((c) => c.id === id);
		if (card) return { card, column };
	}
	return null;
}

/** The stages a card in `from` can move to, in pipeline order. */
export function moveTargets(columns: readonly BoardColumn[], from: string): Stage[] {
	return columns.map((c) => c.stage).filter((s) => s.key !== from);
}

/** The stage `step` columns away from `from` (Shift+arrow), or null past either end. */
export function adjacentStage(
	columns: readonly BoardColumn[],
	from: string,
	step: -1 | 1
): Stage | null {
	const at = columns.findIndex((c) => c.stage.key === from);
	if (at < 0) return null;
	return columns[at + step]?.stage ?? null;
}

/** What moving a card to a stage takes: nothing (same stage or unknown), a move, or a reason first. */
export type MovePlan =
	| { kind: 'none' }
	| { kind: 'move'; card: OpportunityRow; from: Stage; to: Stage }
	| { kind: 'ask'; card: OpportunityRow; from: Stage; to: Stage; close: CloseKind };

export function planMove(columns: readonly BoardColumn[], cardId: string, to: string): MovePlan {
	const found = findCard(columns, cardId);
	const target = columns.find((c) => c.stage.key === to)?.stage;
	if (!found || !target || found.column.stage.key === to) return { kind: 'none' };
	const base = { card: found.card, from: found.column.stage, to: target };
	const close = closeKind(target);
	return close ? { kind: 'ask', ...base, close } : { kind: 'move', ...base };
}

/** The arguments of bulk_opportunity_stage for one card; the reason goes to the closing kind's field. */
export function moveArgs(cardId: string, to: Stage, reason: string = ''): BulkOpportunityStage {
	const args: BulkOpportunityStage = { ids: [cardId], stage: to.key };
	const text = reason.trim();
	if (text !== '' && to.kind === 'lost') args.lost_reason = text;
	if (text !== '' && to.kind === 'won') args.won_reason = text;
	return args;
}

/** Cards the column has beyond those shown (the board shows the first ones by close date). */
export function hiddenCards(column: BoardColumn): number {
	return Math.max(0, column.count - column.cards.length);
}

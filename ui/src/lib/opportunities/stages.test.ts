import type { Stage, StageKind } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	addStage,
	draftFromStages,
	moveChoices,
	moveStage,
	prepareStages,
	removeStage,
	removedStages,
	stageErrorKey,
	stageKey,
	stageKeyShown,
	stagesChanged
} from './stages';

function stage(key: string, kind: StageKind, probability: number, position: number): Stage {
	return {
		key,
		name: key[0]!.toUpperCase() + key.slice(1),
		probability,
		closed: kind !== 'open',
		won: kind === 'won',
		position,
		kind,
		coaching: ''
	};
}

const STORED: Stage[] = [
	stage('lead', 'open', 10, 0),
	stage('offer', 'open', 50, 1),
	stage('won', 'won', 100, 2),
	stage('lost', 'lost', 0, 3)
];

const keys = (d: ReturnType<typeof draftFromStages>) => d.stages.map((s) => s.key || s.name);

describe('stage editor', () => {
	it('starts unchanged and notices every edit', () => {
		const draft = draftFromStages(STORED);
		expect(stagesChanged(STORED, draft)).toBe(false);
		draft.stages[1]!.probability = '55';
		expect(stagesChanged(STORED, draft)).toBe(true);
	});

	it('adds open stages before the closing ones', () => {
		const draft = draftFromStages(STORED);
		expect(addStage(draft, 'Demo')).toBe(2);
		expect(keys(draft)).toEqual(['lead', 'offer', 'Demo', 'won', 'lost']);
	});

	it('reorders with up and down and stops at the ends', () => {
		const draft = draftFromStages(STORED);
		expect(moveStage(draft, 1, -1)).toBe(true);
		expect(keys(draft)).toEqual(['offer', 'lead', 'won', 'lost']);
		expect(moveStage(draft, 0, -1)).toBe(false);
		expect(moveStage(draft, 3, 1)).toBe(false);
		expect(keys(draft)).toEqual(['offer', 'lead', 'won', 'lost']);
	});

	it('makes unique keys for new stages from their names', () => {
		expect(stageKey('Needs Analysis', new Set())).toBe('needs_analysis');
		expect(stageKey('Präsentation & Demo', new Set())).toBe('prasentation_demo');
		expect(stageKey('Offer', new Set(['offer', 'offer_2']))).toBe('offer_3');
		expect(stageKey('Переговоры', new Set())).toBe('stage');
	});

	it('saves the list in its order with new keys and whole-number probabilities', () => {
		const draft = draftFromStages(STORED);
		addStage(draft, 'Offer');
		draft.stages[2]!.probability = '30 %';
		moveStage(draft, 2, -1);
		const prepared = prepareStages(STORED, draft);
		expect(prepared.ok).toBe(true);
		if (!prepared.ok) return;
		expect(prepared.save.stages.map((s) => [s.key, s.probability])).toEqual([
			['lead', 10],
			['offer_2', 30],
			['offer', 50],
			['won', 100],
			['lost', 0]
		]);
		expect(prepared.save.moves).toEqual([]);
	});

	it('reports a probability that is not a whole number at its input', () => {
		const draft = draftFromStages(STORED);
		draft.stages[1]!.probability = '12.5';
		expect(prepareStages(STORED, draft)).toEqual({
			ok: false,
			errors: { 'stages-1-probability': 'not_a_number' }
		});
	});

	it('moves the deals of a removed stage to the chosen stage or the first of its kind', () => {
		const draft = draftFromStages(STORED);
		removeStage(draft, 0);
		expect(removedStages(STORED, draft).map((s) => s.key)).toEqual(['lead']);
		expect(moveChoices(draft, STORED[0]!).map((s) => s.key)).toEqual(['offer']);
		let prepared = prepareStages(STORED, draft);
		expect(prepared.ok && prepared.save.moves).toEqual([{ from: 'lead', to: 'offer' }]);
		addStage(draft, 'Demo');
		draft.moves.lead = 'offer';
		prepared = prepareStages(STORED, draft);
		expect(prepared.ok && prepared.save.moves).toEqual([{ from: 'lead', to: 'offer' }]);
	});

	it('places the core’s errors on the stage input they are about', () => {
		expect(stageErrorKey('stages[2].probability')).toBe('stages-2-probability');
		expect(stageErrorKey('stages[1].key')).toBe('stages-1-name');
		expect(stageErrorKey('moves[0].to')).toBe('moves');
		expect(stageKeyShown('stages-2-probability', 4)).toBe(true);
		expect(stageKeyShown('stages-4-name', 4)).toBe(false);
		expect(stageKeyShown('stages', 4)).toBe(true);
	});
});

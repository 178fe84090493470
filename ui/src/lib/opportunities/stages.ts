// The sales stages editor's model (Settings): the list as drafts in pipeline order, adding,
// reordering and removing, the stage_save arguments (with where a removed stage's deals go) and
// which input shows an error the core gives about `stages[i].field`.
import type { Stage, StageKind, StageSave } from '$lib/bindings';
import { fieldKey } from '$lib/errors';

export interface StageDraft {
	/** Stable while the list is edited (keyed each blocks). */
	uid: number;
	/** The stored key; '' for a new stage (made from its name on saving). */
	key: string;
	name: string;
	/** As typed; a whole number 0–100 (the core checks the range). */
	probability: string;
	kind: StageKind;
	coaching: string;
}

export interface StagesDraft {
	stages: StageDraft[];
	/** Where the deals of a removed stage go, by the removed stage's key. */
	moves: Record<string, string>;
}

let lastUid = 0;
function uid(): number {
	lastUid += 1;
	return lastUid;
}

export function draftFromStages(stages: readonly Stage[]): StagesDraft {
	return {
		stages: stages.map((s) => ({
			uid: uid(),
			key: s.key,
			name: s.name,
			probability: String(s.probability),
			kind: s.kind,
			coaching: s.coaching
		})),
		moves: {}
	};
}

/** Adds an open stage before the first closing one (where new working stages belong); its index. */
export function addStage(draft: StagesDraft, name: string): number {
	const at = draft.stages.findIndex((s) => s.kind !== 'open');
	const index = at < 0 ? draft.stages.length : at;
	draft.stages.splice(index, 0, {
		uid: uid(),
		key: '',
		name,
		probability: '0',
		kind: 'open',
		coaching: ''
	});
	return index;
}

/** Moves stage `index` one place up (-1) or down (1); false at either end. */
export function moveStage(draft: StagesDraft, index: number, step: -1 | 1): boolean {
	const to = index + step;
	if (index < 0 || to < 0 || to >= draft.stages.length) return false;
	const [stage] = draft.stages.splice(index, 1);
	draft.stages.splice(to, 0, stage!);
	return true;
}

export function removeStage(draft: StagesDraft, index: number): void {
	draft.stages.splice(index, 1);
}

/** The stored stages no longer in the draft. */
export function removedStages(original: readonly Stage[], draft: StagesDraft): Stage[] {
	return original.filter((o) => !draft.stages.some((s) => s.key === o.key));
}

/** The kept stages a removed one's deals may go to: those of its kind that are stored already. */
export function moveChoices(draft: StagesDraft, removed: Stage): StageDraft[] {
	return draft.stages.filter((s) => s.kind === removed.kind && s.key !== '');
}

/** A key for a new stage from its name: lower-case ASCII letters, digits and _, unique. */
export function stageKey(name: string, taken: ReadonlySet<string>): string {
	const base =
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 48) || 'stage';
	let key = base;
	for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
	return key;
}

export type PreparedStages =
	{ ok: true; save: StageSave } | { ok: false; errors: Record<string, 'not_a_number'> };

/**
 * The stage_save arguments: the list in its order (new stages get a key from their name), and for
 * each removed stage where its deals go (the chosen stage, else the first of its kind).
 * A probability that is not a whole number is reported by its input's key.
 */
export function prepareStages(original: readonly Stage[], draft: StagesDraft): PreparedStages {
	const errors: Record<string, 'not_a_number'> = {};
	const taken = new Set([...original.map((s) => s.key), ...draft.stages.map((s) => s.key)]);
	const stages = draft.stages.map((s, i) => {
		const text = s.probability.trim().replace(/\s*%$/, '');
		if (!/^\d+$/.test(text)) errors[`stages-${i}-probability`] = 'not_a_number';
		let key = s.key;
		if (key === '') {
			key = stageKey(s.name, taken);
			taken.add(key);
		}
		return { key, name: s.name, probability: Number(text), kind: s.kind, coaching: s.coaching };
	});
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const moves = removedStages(original, draft).flatMap((removed) => {
		const to = draft.moves[removed.key] ?? moveChoices(draft, removed)[0]?.key;
		return to ? [{ from: removed.key, to }] : [];
	});
	return { ok: true, save: { stages, moves } };
}

/** Whether the draft differs from the stored stages. */
export function stagesChanged(original: readonly Stage[], draft: StagesDraft): boolean {
	if (original.length !== draft.stages.length) return true;
	return draft.stages.some((s, i) => {
		const o = original[i]!;
		return (
			s.key !== o.key ||
			s.name !== o.name ||
			s.probability.trim() !== String(o.probability) ||
			s.kind !== o.kind ||
			s.coaching !== o.coaching
		);
	});
}

const SHOWN_FIELDS = ['name', 'probability', 'kind', 'coaching'];

/**
 * The input key of a core error's field: `stages[2].probability` → `stages-2-probability`; a
 * stage's key is made from its name, so `stages[2].key` shows at the name; `moves[…]` at the moves.
 */
export function stageErrorKey(field: string): string {
	const key = fieldKey(field);
	const m = /^stages-(\d+)-key$/.exec(key);
	if (m) return `stages-${m[1]}-name`;
	return key.startsWith('moves') ? 'moves' : key;
}

/** Whether the editor has an input for the key, with `count` stages. */
export function stageKeyShown(key: string, count: number): boolean {
	if (key === 'moves' || key === 'stages') return true;
	const m = /^stages-(\d+)-(\w+)$/.exec(key);
	return !!m && Number(m[1]) < count && SHOWN_FIELDS.includes(m[2]!);
}

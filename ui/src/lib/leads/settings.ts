// The lead settings editor's model: required fields and the qualification script (questions
// with answers worth points), as drafts the form edits, and the LeadSettings sent to the core.
import type { LeadSettings } from '$lib/bindings';
import { fieldKey } from '$lib/errors';

/** The lead fields Settings offers to make required, in the order shown. */
export const REQUIRABLE_FIELDS = [
	'salutation',
	'first_name',
	'last_name',
	'title',
	'company',
	'industry',
	'website',
	'emails',
	'phones',
	'address',
	'rating',
	'description'
] as const;

export interface AnswerDraft {
	key: number;
	value: string;
	label: string;
	/** As typed; a whole number. */
	points: string;
}

export interface QuestionDraft {
	key: number;
	id: string;
	text: string;
	answers: AnswerDraft[];
}

export interface SettingsDraft {
	required_fields: string[];
	questions: QuestionDraft[];
}

let lastKey = 0;
function nextKey(): number {
	lastKey += 1;
	return lastKey;
}

export function newAnswer(): AnswerDraft {
	return { key: nextKey(), value: '', label: '', points: '0' };
}

export function newQuestion(): QuestionDraft {
	return { key: nextKey(), id: '', text: '', answers: [newAnswer()] };
}

export function draftFromSettings(settings: LeadSettings): SettingsDraft {
	return {
		required_fields: [...settings.required_fields],
		questions: settings.questions.map((q) => ({
			key: nextKey(),
			id: q.id,
			text: q.text,
			answers: q.answers.map((a) => ({
				key: nextKey(),
				value: a.value,
				label: a.label,
				points: String(a.points)
			}))
		}))
	};
}

export type PreparedSettings =
	{ ok: true; settings: LeadSettings } | { ok: false; errors: Record<string, 'points'> };

/**
 * The LeadSettings for the core. Points must be whole numbers; anything else is reported by the
 * key of its input (`questions-0-answers-1-points`). Everything else is sent as typed and checked
 * by the core.
 */
export function prepareSettings(draft: SettingsDraft): PreparedSettings {
	const errors: Record<string, 'points'> = {};
	const questions = draft.questions.map((q, i) => ({
		id: q.id.trim(),
		text: q.text.trim(),
		answers: q.answers.map((a, j) => {
			const points = a.points.trim();
			if (!/^\d+$/.test(points)) errors[answerKey(i, j, 'points')] = 'points';
			return { value: a.value.trim(), label: a.label.trim(), points: Number(points) };
		})
	}));
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const required = REQUIRABLE_FIELDS.filter((f) => draft.required_fields.includes(f));
	const others = draft.required_fields.filter(
		(f) => !(REQUIRABLE_FIELDS as readonly string[]).includes(f)
	);
	return { ok: true, settings: { required_fields: [...required, ...others], questions } };
}

/** The changes for lead_settings_update: only the parts that differ. */
export function settingsChanges(original: LeadSettings, next: LeadSettings): Partial<LeadSettings> {
	const changes: Partial<LeadSettings> = {};
	const sameFields =
		original.required_fields.length === next.required_fields.length &&
		next.required_fields.every((f) => original.required_fields.includes(f));
	if (!sameFields) changes.required_fields = next.required_fields;
	if (JSON.stringify(original.questions) !== JSON.stringify(next.questions)) {
		changes.questions = next.questions;
	}
	return changes;
}

export function answerKey(question: number, answer: number, part: string): string {
	return `questions-${question}-answers-${answer}-${part}`;
}

/** The key under which a core error is shown: "questions[1]" → "questions-1". */
export function settingsErrorKey(field: string): string {
	return fieldKey(field);
}

/** Whether the form has a place for the error key (a question, its parts, or a list). */
export function settingsKeyShown(key: string, questionCount: number): boolean {
	if (key === 'required_fields' || key === 'questions') return true;
	const m = /^questions-(\d+)$/.exec(key);
	return m !== null && Number(m[1]) < questionCount;
}

export function setRequired(draft: SettingsDraft, field: string, required: boolean): void {
	const has = draft.required_fields.includes(field);
	if (required && !has) draft.required_fields.push(field);
	if (!required && has) draft.required_fields = draft.required_fields.filter((f) => f !== field);
}

export function addQuestion(draft: SettingsDraft): QuestionDraft {
	const q = newQuestion();
	draft.questions.push(q);
	return q;
}

export function removeQuestion(draft: SettingsDraft, index: number): void {
	draft.questions.splice(index, 1);
}

/** Moves question `index` up (delta -1) or down (+1); does nothing at either end. */
export function moveQuestion(draft: SettingsDraft, index: number, delta: -1 | 1): boolean {
	const to = index + delta;
	if (index < 0 || index >= draft.questions.length || to < 0 || to >= draft.questions.length) {
		return false;
	}
	const [q] = draft.questions.splice(index, 1);
	if (q) draft.questions.splice(to, 0, q);
	return true;
}

export function addAnswer(question: QuestionDraft): AnswerDraft {
	const a = newAnswer();
	question.answers.push(a);
	return a;
}

export function removeAnswer(question: QuestionDraft, index: number): void {
	question.answers.splice(index, 1);
}

export function moveAnswer(question: QuestionDraft, index: number, delta: -1 | 1): boolean {
	const to = index + delta;
	if (index < 0 || index >= question.answers.length || to < 0 || to >= question.answers.length) {
		return false;
	}
	const [a] = question.answers.splice(index, 1);
	if (a) question.answers.splice(to, 0, a);
	return true;
}

// The contract form: the draft as typed, the ContractInput for the core and the changed fields.
// The value stays decimal text (never floating point). With a term the end date is left to the
// core, which derives it from the start; without one the end date is typed.
import type { Contract, ContractInput, ContractStatus } from '$lib/bindings';
import { amountForInput, parseAmount } from '$lib/opportunities/money';
import { sameDecimal } from '$lib/opportunities/form';

export interface ContractDraft {
	subject: string;
	account_id: string;
	opportunity_id: string | null;
	quote_id: string | null;
	start_date: string;
	/** Months as typed; empty means the end date is typed instead. */
	term_months: string;
	end_date: string;
	value: string;
	currency: string;
	reminder_days: string;
	description: string;
	tags: string[];
}

export function emptyContractDraft(today: string): ContractDraft {
	return {
		subject: '',
		account_id: '',
		opportunity_id: null,
		quote_id: null,
		start_date: today,
		term_months: '12',
		end_date: '',
		value: '',
		currency: '',
		reminder_days: '30',
		description: '',
		tags: []
	};
}

export function contractToInput(c: Contract): ContractInput {
	return {
		subject: c.subject,
		account_id: c.account_id,
		opportunity_id: c.opportunity_id,
		quote_id: c.quote_id,
		start_date: c.start_date,
		term_months: c.term_months,
		end_date: c.end_date,
		value: c.value,
		currency: c.currency,
		reminder_days: c.reminder_days,
		description: c.description,
		tags: c.tags
	};
}

export function draftFromContract(c: Contract, locale: string): ContractDraft {
	return {
		...contractToInput(c),
		term_months: c.term_months === null ? '' : String(c.term_months),
		end_date: c.end_date ?? '',
		value: amountForInput(c.value, locale),
		reminder_days: String(c.reminder_days)
	};
}

export type PreparedContract = { ok: true; input: ContractInput } | { ok: false; field: string };

/** A whole number as typed, or undefined when it is not one (empty is null). */
function wholeNumber(text: string): number | null | undefined {
	const s = text.trim();
	if (s === '') return null;
	return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

/** The input as sent, or the field that could not be read. */
export function prepareContract(draft: ContractDraft, locale: string): PreparedContract {
	const value = parseAmount(draft.value, locale);
	if (!value.ok) return { ok: false, field: 'value' };
	const term = wholeNumber(draft.term_months);
	if (term === undefined) return { ok: false, field: 'term_months' };
	const reminder = wholeNumber(draft.reminder_days);
	if (reminder === undefined) return { ok: false, field: 'reminder_days' };
	return {
		ok: true,
		input: {
			subject: draft.subject.trim(),
			account_id: draft.account_id,
			opportunity_id: draft.opportunity_id,
			quote_id: draft.quote_id,
			start_date: draft.start_date,
			term_months: term,
			end_date: term === null ? draft.end_date || null : null,
			value: value.value ?? '0',
			currency: draft.currency.trim().toUpperCase(),
			reminder_days: reminder ?? 0,
			description: draft.description,
			tags: draft.tags
		}
	};
}

/**
 * The fields of `current` that differ from `original`. With a term, the end date is the core's:
 * it is sent empty (to be derived again) only when the start or the term moved.
 */
export function contractChanges(
	original: ContractInput,
	current: ContractInput
): Partial<ContractInput> {
	const changes: Record<string, unknown> = {};
	for (const key of Object.keys(current) as (keyof ContractInput)[]) {
		if (key === 'end_date' || key === 'value' || key === 'tags') continue;
		if (current[key] !== original[key]) changes[key] = current[key];
	}
	if (!sameDecimal(current.value, original.value)) changes.value = current.value;
	if (current.tags.join('\n') !== original.tags.join('\n')) changes.tags = current.tags;
	if (current.term_months === null) {
		if (current.end_date !== original.end_date) changes.end_date = current.end_date;
	} else if ('start_date' in changes || 'term_months' in changes) {
		changes.end_date = null;
	}
	return changes as Partial<ContractInput>;
}

/** A status a contract can move to (none moves back to draft). */
export type ContractStep = Exclude<ContractStatus, 'draft'>;

/** The statuses a contract can move to (the core checks the same steps). */
export function nextStatuses(status: ContractStatus): ContractStep[] {
	switch (status) {
		case 'draft':
			return ['active', 'terminated'];
		case 'active':
			return ['expired', 'terminated'];
		default:
			return [];
	}
}

/** Whether the form may change a contract in this status (an ended one stays as it was). */
export function editable(status: ContractStatus): boolean {
	return status === 'draft' || status === 'active';
}

/** Today's date in the local calendar, ISO. */
export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

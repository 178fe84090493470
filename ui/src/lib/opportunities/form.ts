// The opportunity form's model: an editable draft, the OpportunityInput sent to the core and the
// changed fields for an update. Amount and probability are read from text here; every rule about
// them (currency decimals, 0–100, stage defaults) is the core's.
import type { Opportunity, OpportunityInput } from '$lib/bindings';
import { formatTags, parseTags } from '$lib/contacts/form';
import { parseAmount, amountForInput } from './money';

export interface OpportunityDraft {
	name: string;
	account_id: string;
	contact_id: string | null;
	/** As typed, in the user's locale. */
	amount: string;
	currency: string;
	/** YYYY-MM-DD or ''. */
	close_date: string;
	stage: string;
	/** As typed; '' takes the stage's probability. */
	probability: string;
	lead_source: string;
	/** Why the deal was lost (asked for a lost stage) or won. */
	lost_reason: string;
	won_reason: string;
	description: string;
	tags: string;
}

export const OPPORTUNITY_TEXT_FIELDS = ['name', 'lead_source'] as const;

export function emptyOpportunityDraft(): OpportunityDraft {
	return {
		name: '',
		account_id: '',
		contact_id: null,
		amount: '',
		currency: '',
		close_date: '',
		stage: '',
		probability: '',
		lead_source: '',
		lost_reason: '',
		won_reason: '',
		description: '',
		tags: ''
	};
}

/** The input an opportunity was saved with. */
export function opportunityToInput(o: Opportunity): OpportunityInput {
	return {
		name: o.name,
		account_id: o.account_id,
		contact_id: o.contact_id,
		amount: o.amount,
		currency: o.currency,
		close_date: o.close_date,
		stage: o.stage,
		probability: o.probability,
		lead_source: o.lead_source,
		...reasons(o.lost_reason, o.won_reason),
		description: o.description,
		tags: [...o.tags]
	};
}

export function draftFromOpportunity(o: Opportunity, locale: string): OpportunityDraft {
	return {
		name: o.name,
		account_id: o.account_id,
		contact_id: o.contact_id,
		amount: amountForInput(o.amount, locale),
		currency: o.currency,
		close_date: o.close_date ?? '',
		stage: o.stage,
		probability: o.probability === null ? '' : String(o.probability),
		lead_source: o.lead_source,
		lost_reason: o.lost_reason ?? '',
		won_reason: o.won_reason ?? '',
		description: o.description,
		tags: formatTags(o.tags)
	};
}

export type PreparedOpportunity =
	| { ok: true; input: OpportunityInput }
	| { ok: false; errors: Partial<Record<'amount' | 'probability', 'not_a_number'>> };

/** The OpportunityInput for the draft, or which typed numbers could not be read. */
export function prepareOpportunity(draft: OpportunityDraft, locale: string): PreparedOpportunity {
	const errors: Partial<Record<'amount' | 'probability', 'not_a_number'>> = {};
	const amount = parseAmount(draft.amount, locale);
	if (!amount.ok) errors.amount = 'not_a_number';
	const probabilityText = draft.probability.trim();
	let probability: number | null = null;
	if (probabilityText !== '') {
		const m = /^(\d+)\s*%?$/.exec(probabilityText);
		if (m) probability = Number(m[1]);
		else errors.probability = 'not_a_number';
	}
	if (!amount.ok || errors.probability) return { ok: false, errors };
	return {
		ok: true,
		input: {
			name: draft.name,
			account_id: draft.account_id,
			contact_id: draft.contact_id,
			amount: amount.value,
			currency: draft.currency.trim().toUpperCase(),
			close_date: draft.close_date === '' ? null : draft.close_date,
			stage: draft.stage,
			probability,
			lead_source: draft.lead_source,
			...reasons(draft.lost_reason, draft.won_reason),
			description: draft.description,
			tags: parseTags(draft.tags)
		}
	};
}

/** The won and lost reasons, sent only when given (the core clears them when a deal re-opens). */
function reasons(lost: string | undefined, won: string | undefined): Partial<OpportunityInput> {
	return {
		...(lost && lost.trim() !== '' ? { lost_reason: lost.trim() } : {}),
		...(won && won.trim() !== '' ? { won_reason: won.trim() } : {})
	};
}

/**
 * The changes for opportunity_update. Amounts compare by value ("1000.5" and "1000.50" are the
 * same amount as typed), so re-showing the saved amount is not a change.
 */
export function opportunityChanges(
	original: OpportunityInput,
	current: OpportunityInput
): Partial<OpportunityInput> {
	const changes: Partial<OpportunityInput> = {};
	for (const key of Object.keys(current) as (keyof OpportunityInput)[]) {
		const a = original[key];
		const b = current[key];
		const same =
			key === 'amount'
				? sameDecimal(a as string | null, b as string | null)
				: key === 'currency'
					? (b as string) === '' || b === a
					: JSON.stringify(a) === JSON.stringify(b);
		if (!same) (changes as Record<string, unknown>)[key] = b;
	}
	return changes;
}

/** Whether two decimal texts are the same number (trailing fraction zeros do not count). */
export function sameDecimal(a: string | null, b: string | null): boolean {
	if (a === null || b === null) return a === b;
	return normalDecimal(a) === normalDecimal(b);
}

function normalDecimal(s: string): string {
	const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s.trim());
	if (!m) return s.trim();
	const integer = (m[2] ?? '').replace(/^0+/, '') || '0';
	const fraction = (m[3] ?? '').replace(/0+$/, '');
	const zero = integer === '0' && fraction === '';
	return `${m[1] === '-' && !zero ? '-' : ''}${integer}${fraction ? '.' + fraction : ''}`;
}

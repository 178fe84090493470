// The lead form's model: an editable draft, the LeadInput sent to the core, the changed fields for
// an update, and the mapping of the core's field paths back to the form's controls.
import type { Address, LabeledValue, Lead, LeadInput, LeadSource, Rating } from '$lib/bindings';
import { newItem, parseTags, formatTags, type ItemDraft } from '$lib/contacts/form';
import { fieldKey } from '$lib/errors';

export { addItem, removeItem, setPrimary, type ItemDraft } from '$lib/contacts/form';

export const ADDRESS_PARTS = ['street', 'postal_code', 'city', 'region', 'country'] as const;

/** The fields a lead form shows as single text inputs, in order. */
export const PERSON_FIELDS = ['salutation', 'first_name', 'last_name', 'title'] as const;
export const COMPANY_FIELDS = ['company', 'industry', 'website'] as const;

export interface LeadDraft {
	salutation: string;
	first_name: string;
	last_name: string;
	title: string;
	company: string;
	industry: string;
	website: string;
	emails: ItemDraft[];
	phones: ItemDraft[];
	/** Always present in the form; sent as null while nothing is typed into it. */
	address: Address;
	source: LeadSource;
	/** '' for no rating. */
	rating: Rating | '';
	description: string;
	/** Tags as typed: separated by commas. */
	tags: string;
	/** Qualification answers: question id → answer value. */
	answers: Record<string, string>;
}

export function blankAddress(): Address {
	return { label: '', street: '', city: '', region: '', postal_code: '', country: '' };
}

/** A blank form: one empty e-mail and phone row to type into. */
export function emptyLeadDraft(): LeadDraft {
	return {
		salutation: '',
		first_name: '',
		last_name: '',
		title: '',
		company: '',
		industry: '',
		website: '',
		emails: [newItem(true)],
		phones: [newItem(true)],
		address: blankAddress(),
		source: 'web',
		rating: '',
		description: '',
		tags: '',
		answers: {}
	};
}

function plainItems(items: readonly LabeledValue[]): LabeledValue[] {
	return items.map(({ value, label, primary }) => ({ value, label, primary }));
}

/** The input a lead was saved with. */
export function leadToInput(lead: Lead): LeadInput {
	return {
		salutation: lead.salutation,
		first_name: lead.first_name,
		last_name: lead.last_name,
		title: lead.title,
		company: lead.company,
		industry: lead.industry,
		website: lead.website,
		emails: plainItems(lead.emails),
		phones: plainItems(lead.phones),
		address: lead.address ? { ...blankAddress(), ...lead.address } : null,
		source: lead.source,
		rating: lead.rating,
		description: lead.description,
		answers: { ...lead.answers },
		tags: [...lead.tags]
	};
}

/** A draft showing a saved lead; an empty e-mail or phone list gets one row to type into. */
export function draftFromLead(lead: Lead): LeadDraft {
	const input = leadToInput(lead);
	const emails = input.emails.map((e) => ({ ...newItem(e.primary), ...e }));
	const phones = input.phones.map((p) => ({ ...newItem(p.primary), ...p }));
	return {
		salutation: input.salutation,
		first_name: input.first_name,
		last_name: input.last_name,
		title: input.title,
		company: input.company,
		industry: input.industry,
		website: input.website,
		emails: emails.length > 0 ? emails : [newItem(true)],
		phones: phones.length > 0 ? phones : [newItem(true)],
		address: input.address ?? blankAddress(),
		source: input.source,
		rating: input.rating ?? '',
		description: input.description,
		tags: formatTags(input.tags),
		answers: { ...input.answers }
	};
}

export interface PreparedLead {
	input: LeadInput;
	/** For each sent e-mail, the index of its row in the form (rows left empty are not sent). */
	emailRows: number[];
	phoneRows: number[];
}

function isBlankAddress(a: Address): boolean {
	return a.label.trim() === '' && ADDRESS_PARTS.every((p) => a[p].trim() === '');
}

/**
 * The LeadInput for the core. E-mail and phone rows without a value and an address with nothing
 * typed in are not sent. Values are sent as typed; the core validates and normalises them.
 */
export function prepareLead(draft: LeadDraft): PreparedLead {
	const emailRows: number[] = [];
	const phoneRows: number[] = [];
	const emails: LabeledValue[] = [];
	const phones: LabeledValue[] = [];
	draft.emails.forEach((item, i) => {
		if (item.value.trim() === '') return;
		emailRows.push(i);
		emails.push({ value: item.value, label: item.label, primary: item.primary });
	});
	draft.phones.forEach((item, i) => {
		if (item.value.trim() === '') return;
		phoneRows.push(i);
		phones.push({ value: item.value, label: item.label, primary: item.primary });
	});
	const a = draft.address;
	return {
		input: {
			salutation: draft.salutation,
			first_name: draft.first_name,
			last_name: draft.last_name,
			title: draft.title,
			company: draft.company,
			industry: draft.industry,
			website: draft.website,
			emails,
			phones,
			address: isBlankAddress(a)
				? null
				: {
						label: a.label,
						street: a.street,
						city: a.city,
						region: a.region,
						postal_code: a.postal_code,
						country: a.country
					},
			source: draft.source,
			rating: draft.rating === '' ? null : draft.rating,
			description: draft.description,
			answers: { ...draft.answers },
			tags: parseTags(draft.tags)
		},
		emailRows,
		phoneRows
	};
}

/** The fields of `current` that differ from `original`, for an update's `changes`. */
export function changedFields<T extends object>(original: T, current: T): Partial<T> {
	const changes: Partial<T> = {};
	for (const key of Object.keys(current) as (keyof T)[]) {
		if (stableJson(current[key]) !== stableJson(original[key])) changes[key] = current[key];
	}
	return changes;
}

/** JSON with object keys sorted, so maps compare by content (e.g. answers). */
function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v && typeof v === 'object' && !Array.isArray(v)) {
			const o = v as Record<string, unknown>;
			return Object.fromEntries(
				Object.keys(o)
					.sort()
					.map((k) => [k, o[k]])
			);
		}
		return v;
	});
}

/**
 * The form key of a field path from the core: "emails[0]" → "emails-2" when the first sent
 * e-mail is the form's third row; "address.city" → "address-city"; "answers.budget" →
 * "answers-budget".
 */
export function leadFieldKey(
	field: string,
	prepared: Pick<PreparedLead, 'emailRows' | 'phoneRows'>
): string {
	const m = /^(emails|phones)\[(\d+)\](.*)$/.exec(field);
	if (!m) return fieldKey(field);
	const list = m[1] as 'emails' | 'phones';
	const sent = Number(m[2]);
	const rows = list === 'emails' ? prepared.emailRows : prepared.phoneRows;
	return fieldKey(`${list}[${rows[sent] ?? sent}]${m[3] ?? ''}`);
}

/** Every field key the lead form has a place for (for placing the core's errors). */
export function leadFormKeys(
	draft: Pick<LeadDraft, 'emails' | 'phones'>,
	questionIds: readonly string[]
): Set<string> {
	const keys = new Set<string>([
		...PERSON_FIELDS,
		...COMPANY_FIELDS,
		'emails',
		'phones',
		'address',
		'source',
		'rating',
		'description',
		'tags',
		'answers'
	]);
	for (const part of ['label', ...ADDRESS_PARTS]) keys.add(`address-${part}`);
	draft.emails.forEach((_, i) => keys.add(`emails-${i}`));
	draft.phones.forEach((_, i) => keys.add(`phones-${i}`));
	for (const id of questionIds) keys.add(fieldKey(`answers.${id}`));
	return keys;
}

/** Answers a qualification question; '' takes the answer back. */
export function setAnswer(
	draft: Pick<LeadDraft, 'answers'>,
	questionId: string,
	value: string
): void {
	if (value === '') delete draft.answers[questionId];
	else draft.answers[questionId] = value;
}

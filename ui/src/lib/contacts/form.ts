// The contact form's model: an editable draft, the ContactInput sent to the core, the changed
// fields for an update, and the mapping of the core's field paths back to the form's controls.
import type { Address, Contact, ContactInput, LabeledValue } from '$lib/bindings';
import { fieldKey } from '$lib/errors';

export interface ItemDraft extends LabeledValue {
	/** Stable identity of the row in the form (for keyed rendering); never sent. */
	key: number;
}

export interface AddressDraft extends Address {
	key: number;
}

export interface ContactDraft {
	salutation: string;
	first_name: string;
	last_name: string;
	title: string;
	department: string;
	emails: ItemDraft[];
	phones: ItemDraft[];
	addresses: AddressDraft[];
	/** ISO date, or '' for none. */
	birthday: string;
	lead_source: string;
	notes: string;
	/** Tags as typed: separated by commas. */
	tags: string;
	/** The account the contact works for; kept as it is (not edited on this form). */
	account_id: string | null;
}

export const ADDRESS_FIELDS = ['street', 'city', 'region', 'postal_code', 'country'] as const;

let lastKey = 0;
function nextKey(): number {
	lastKey += 1;
	return lastKey;
}

export function newItem(primary: boolean): ItemDraft {
	return { key: nextKey(), value: '', label: '', primary };
}

export function newAddress(): AddressDraft {
	return {
		key: nextKey(),
		label: '',
		street: '',
		city: '',
		region: '',
		postal_code: '',
		country: ''
	};
}

/** A blank form: one empty email and phone row to type into, no address. */
export function emptyDraft(): ContactDraft {
	return {
		salutation: '',
		first_name: '',
		last_name: '',
		title: '',
		department: '',
		emails: [newItem(true)],
		phones: [newItem(true)],
		addresses: [],
		birthday: '',
		lead_source: '',
		notes: '',
		tags: '',
		account_id: null
	};
}

/** Tags typed as "a, b, c" → ["a", "b", "c"]; empty pieces are dropped. */
export function parseTags(text: string): string[] {
	return text
		.split(',')
		.map((tag) => tag.trim())
		.filter((tag) => tag !== '');
}

export function formatTags(tags: readonly string[]): string {
	return tags.join(', ');
}

/** The input a contact was saved with. */
export function contactToInput(contact: Contact): ContactInput {
	return {
		salutation: contact.salutation,
		first_name: contact.first_name,
		last_name: contact.last_name,
		title: contact.title,
		department: contact.department,
		emails: contact.emails.map(({ value, label, primary }) => ({ value, label, primary })),
		phones: contact.phones.map(({ value, label, primary }) => ({ value, label, primary })),
		addresses: contact.addresses.map((a) => ({
			label: a.label,
			street: a.street,
			city: a.city,
			region: a.region,
			postal_code: a.postal_code,
			country: a.country
		})),
		birthday: contact.birthday,
		lead_source: contact.lead_source,
		notes: contact.notes,
		tags: [...contact.tags],
		account_id: contact.account_id ?? null
	};
}

/** A draft showing a saved contact; an empty email or phone list gets one row to type into. */
export function draftFromContact(contact: Contact): ContactDraft {
	const input = contactToInput(contact);
	const emails = input.emails.map((e) => ({ ...e, key: nextKey() }));
	const phones = input.phones.map((p) => ({ ...p, key: nextKey() }));
	return {
		salutation: input.salutation,
		first_name: input.first_name,
		last_name: input.last_name,
		title: input.title,
		department: input.department,
		emails: emails.length > 0 ? emails : [newItem(true)],
		phones: phones.length > 0 ? phones : [newItem(true)],
		addresses: input.addresses.map((a) => ({ ...a, key: nextKey() })),
		birthday: input.birthday ?? '',
		lead_source: input.lead_source,
		notes: input.notes,
		tags: formatTags(input.tags),
		account_id: input.account_id ?? null
	};
}

export interface PreparedInput {
	input: ContactInput;
	/** For each sent email, the index of its row in the form (rows left empty are not sent). */
	emailRows: number[];
	phoneRows: number[];
	addressRows: number[];
}

function isBlankItem(item: LabeledValue): boolean {
	return item.value.trim() === '';
}

function isBlankAddress(address: Address): boolean {
	return ADDRESS_FIELDS.every((f) => address[f].trim() === '') && address.label.trim() === '';
}

/**
 * The ContactInput for the core. Email and phone rows without a value and address rows with
 * nothing typed in are rows the user did not fill: they are not sent. Values are sent as typed;
 * the core validates and normalises them.
 */
export function prepareInput(draft: ContactDraft): PreparedInput {
	const emailRows: number[] = [];
	const phoneRows: number[] = [];
	const addressRows: number[] = [];
	const emails: LabeledValue[] = [];
	const phones: LabeledValue[] = [];
	const addresses: Address[] = [];
	draft.emails.forEach((item, i) => {
		if (isBlankItem(item)) return;
		emailRows.push(i);
		emails.push({ value: item.value, label: item.label, primary: item.primary });
	});
	draft.phones.forEach((item, i) => {
		if (isBlankItem(item)) return;
		phoneRows.push(i);
		phones.push({ value: item.value, label: item.label, primary: item.primary });
	});
	draft.addresses.forEach((a, i) => {
		if (isBlankAddress(a)) return;
		addressRows.push(i);
		addresses.push({
			label: a.label,
			street: a.street,
			city: a.city,
			region: a.region,
			postal_code: a.postal_code,
			country: a.country
		});
	});
	return {
		input: {
			salutation: draft.salutation,
			first_name: draft.first_name,
			last_name: draft.last_name,
			title: draft.title,
			department: draft.department,
			emails,
			phones,
			addresses,
			birthday: draft.birthday === '' ? null : draft.birthday,
			lead_source: draft.lead_source,
			notes: draft.notes,
			tags: parseTags(draft.tags),
			account_id: draft.account_id
		},
		emailRows,
		phoneRows,
		addressRows
	};
}

/** The fields of `current` that differ from `original`, for contact_update's `changes`. */
export function changedFields(
	original: ContactInput,
	current: ContactInput
): Partial<ContactInput> {
	const changes: Partial<ContactInput> = {};
	for (const key of Object.keys(current) as (keyof ContactInput)[]) {
		if (JSON.stringify(current[key]) !== JSON.stringify(original[key])) {
			(changes as Record<string, unknown>)[key] = current[key];
		}
	}
	return changes;
}

/**
 * The form key of a field path from the core, e.g. "emails[0]" → "emails-2" when the first sent
 * email is the form's third row; "addresses[0].city" → "addresses-1-city".
 */
export function formFieldKey(field: string, prepared: PreparedInput): string {
	const m = /^(emails|phones|addresses)\[(\d+)\](.*)$/.exec(field);
	if (!m) return fieldKey(field);
	const list = m[1] as 'emails' | 'phones' | 'addresses';
	const sent = Number(m[2]);
	const rows =
		list === 'emails'
			? prepared.emailRows
			: list === 'phones'
				? prepared.phoneRows
				: prepared.addressRows;
	const row = rows[sent] ?? sent;
	return fieldKey(`${list}[${row}]${m[3] ?? ''}`);
}

/** Marks row `index` as the primary one of its list (a radio group: exactly one checked). */
export function setPrimary(items: ItemDraft[], index: number): void {
	items.forEach((item, i) => {
		item.primary = i === index;
	});
}

/** Removes row `index`; when it was the primary one, the first remaining row becomes primary. */
export function removeItem(items: ItemDraft[], index: number): void {
	const [removed] = items.splice(index, 1);
	if (removed?.primary && items.length > 0 && !items.some((i) => i.primary)) {
		const first = items[0];
		if (first) first.primary = true;
	}
}

/** Adds an empty row; the first row of a list is the primary one. */
export function addItem(items: ItemDraft[]): ItemDraft {
	const item = newItem(items.length === 0);
	items.push(item);
	return item;
}

// The account form's model: an editable draft, the AccountInput sent to the core, the changed
// fields of an update, and the mapping of the core's field paths back to the form's controls.
import type {
	Account,
	AccountInput,
	AccountType,
	Address,
	LabeledValue,
	Rating
} from '$lib/bindings';
import { formatTags, newItem, parseTags, type ItemDraft } from '$lib/contacts/form';
import { fieldKey, type FieldErrors } from '$lib/errors';
import { t } from '$lib/i18n';

export const ACCOUNT_TYPES: readonly AccountType[] = [
	'customer',
	'prospect',
	'partner',
	'competitor',
	'reseller',
	'other'
];

export const RATINGS: readonly Rating[] = ['hot', 'warm', 'cold'];

export const ADDRESS_PARTS = ['street', 'postal_code', 'city', 'region', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
export type AddressKind = 'billing_address' | 'shipping_address';

export interface AddressDraft {
	label: string;
	street: string;
	city: string;
	region: string;
	postal_code: string;
	country: string;
}

export interface AccountDraft {
	name: string;
	account_type: AccountType;
	/** The parent company as picked (its name for showing), or null. */
	parent: { id: string; name: string } | null;
	industry: string;
	website: string;
	emails: ItemDraft[];
	phones: ItemDraft[];
	billing_address: AddressDraft;
	shipping_address: AddressDraft;
	tax_id: string;
	/** Decimal text as typed, e.g. "1250000.00"; '' for none. */
	annual_revenue: string;
	/** Whole number as typed; '' for none. */
	employees: string;
	rating: Rating | '';
	description: string;
	/** Tags as typed: separated by commas. */
	tags: string;
}

export function emptyAddress(): AddressDraft {
	return { label: '', street: '', city: '', region: '', postal_code: '', country: '' };
}

export function emptyDraft(): AccountDraft {
	return {
		name: '',
		account_type: 'customer',
		parent: null,
		industry: '',
		website: '',
		emails: [newItem(true)],
		phones: [newItem(true)],
		billing_address: emptyAddress(),
		shipping_address: emptyAddress(),
		tax_id: '',
		annual_revenue: '',
		employees: '',
		rating: '',
		description: '',
		tags: ''
	};
}

function copyAddress(a: Address): Address {
	return {
		label: a.label,
		street: a.street,
		city: a.city,
		region: a.region,
		postal_code: a.postal_code,
		country: a.country
	};
}

/** The input an account was saved with. */
export function accountToInput(account: Account): AccountInput {
	return {
		name: account.name,
		account_type: account.account_type,
		parent_id: account.parent_id,
		industry: account.industry,
		website: account.website,
		emails: account.emails.map(({ value, label, primary }) => ({ value, label, primary })),
		phones: account.phones.map(({ value, label, primary }) => ({ value, label, primary })),
		billing_address: account.billing_address ? copyAddress(account.billing_address) : null,
		shipping_address: account.shipping_address ? copyAddress(account.shipping_address) : null,
		tax_id: account.tax_id,
		annual_revenue: account.annual_revenue,
		employees: account.employees,
		rating: account.rating,
		description: account.description,
		tags: [...account.tags]
	};
}

/** A draft showing a saved account; `parentName` is the parent's name when it has one. */
export function draftFromAccount(account: Account, parentName = ''): AccountDraft {
	const items = (list: LabeledValue[]) => {
		const rows = list.map(({ value, label, primary }) => ({ ...newItem(primary), value, label }));
		return rows.length > 0 ? rows : [newItem(true)];
	};
	return {
		name: account.name,
		account_type: account.account_type,
		parent: account.parent_id ? { id: account.parent_id, name: parentName } : null,
		industry: account.industry,
		website: account.website,
		emails: items(account.emails),
		phones: items(account.phones),
		billing_address: account.billing_address
			? copyAddress(account.billing_address)
			: emptyAddress(),
		shipping_address: account.shipping_address
			? copyAddress(account.shipping_address)
			: emptyAddress(),
		tax_id: account.tax_id,
		annual_revenue: account.annual_revenue ?? '',
		employees: account.employees === null ? '' : String(account.employees),
		rating: account.rating ?? '',
		description: account.description,
		tags: formatTags(account.tags)
	};
}

export interface PreparedAccount {
	input: AccountInput;
	/** For each sent e-mail, the index of its row in the form (rows left empty are not sent). */
	emailRows: number[];
	phoneRows: number[];
	/** Values the form cannot send as typed (not numbers), by field key. */
	problems: FieldErrors;
}

/** Plain decimal text: digits with an optional fraction after a point, e.g. "1250000.50". */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;
const MAX_EMPLOYEES = 4_294_967_295;

function isBlankAddress(a: AddressDraft): boolean {
	return ADDRESS_PARTS.every((part) => a[part].trim() === '');
}

function sentItems(items: ItemDraft[]): { values: LabeledValue[]; rows: number[] } {
	const values: LabeledValue[] = [];
	const rows: number[] = [];
	items.forEach((item, i) => {
		if (item.value.trim() === '') return;
		rows.push(i);
		values.push({ value: item.value, label: item.label, primary: item.primary });
	});
	return { values, rows };
}

/**
 * The AccountInput for the core. Empty e-mail and phone rows and addresses with nothing typed in
 * are not sent. Revenue is sent as the exact decimal text typed (never through a float); text that
 * is not a plain number, and employees that are not a whole number, are reported in `problems`.
 */
export function prepareInput(draft: AccountDraft): PreparedAccount {
	const emails = sentItems(draft.emails);
	const phones = sentItems(draft.phones);
	const problems: FieldErrors = {};
	const revenue = draft.annual_revenue.trim().replace(/[\s\u00a0_']/g, '');
	if (revenue !== '' && !DECIMAL.test(revenue)) {
		problems.annual_revenue = t('accounts.revenueInvalid');
	}
	const employeesText = draft.employees.trim();
	let employees: number | null = null;
	if (employeesText !== '') {
		const n = Number(employeesText);
		if (!WHOLE.test(employeesText) || n > MAX_EMPLOYEES) {
			problems.employees = t('accounts.employeesInvalid');
		} else {
			employees = n;
		}
	}
	const address = (a: AddressDraft): Address | null => (isBlankAddress(a) ? null : { ...a });
	return {
		input: {
			name: draft.name,
			account_type: draft.account_type,
			parent_id: draft.parent?.id ?? null,
			industry: draft.industry,
			website: draft.website,
			emails: emails.values,
			phones: phones.values,
			billing_address: address(draft.billing_address),
			shipping_address: address(draft.shipping_address),
			tax_id: draft.tax_id,
			annual_revenue: revenue === '' || problems.annual_revenue ? null : revenue,
			employees,
			rating: draft.rating === '' ? null : draft.rating,
			description: draft.description,
			tags: parseTags(draft.tags)
		},
		emailRows: emails.rows,
		phoneRows: phones.rows,
		problems
	};
}

/** Decimal texts that mean the same amount ("1250000", "1250000.00") count as unchanged. */
function sameRevenue(a: string | null | undefined, b: string | null | undefined): boolean {
	if (a == null || b == null) return (a ?? null) === (b ?? null);
	const norm = (s: string) => {
		const [int = '', frac = ''] = s.replace(/^-?/, '').split('.');
		const sign = s.startsWith('-') ? '-' : '';
		return `${sign}${int.replace(/^0+(?=\d)/, '')}.${frac.replace(/0+$/, '')}`;
	};
	return norm(a) === norm(b);
}

/** The fields of `current` that differ from `original`, for account_update's `changes`. */
export function changedFields(
	original: AccountInput,
	current: AccountInput
): Partial<AccountInput> {
	const changes: Partial<AccountInput> = {};
	for (const key of Object.keys(current) as (keyof AccountInput)[]) {
		if (key === 'annual_revenue') {
			if (!sameRevenue(original.annual_revenue, current.annual_revenue)) {
				changes.annual_revenue = current.annual_revenue;
			}
			continue;
		}
		if (JSON.stringify(current[key]) !== JSON.stringify(original[key])) {
			(changes as Record<string, unknown>)[key] = current[key];
		}
	}
	return changes;
}

/**
 * The form key of a field path from the core: "emails[0]" → "emails-2" when the first sent e-mail
 * is the form's third row; "billing_address.city" → "billing_address-city"; "parent_id" → "parent".
 */
export function formFieldKey(field: string, prepared: PreparedAccount): string {
	if (field === 'parent_id') return 'parent';
	const m = /^(emails|phones)\[(\d+)\](.*)$/.exec(field);
	if (!m) return fieldKey(field);
	const list = m[1] as 'emails' | 'phones';
	const sent = Number(m[2]);
	const rows = list === 'emails' ? prepared.emailRows : prepared.phoneRows;
	return fieldKey(`${list}[${rows[sent] ?? sent}]${m[3] ?? ''}`);
}

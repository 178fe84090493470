// Which contact field each column of an imported file fills: the targets a column can take
// (`field` or `field:slot`, as the core's import reads them), their grouping and labels, and the
// user's changes to the detected mapping, sent as `mapping: {header: target | null}`.
import type { ColumnMapping } from '$lib/bindings';
import { t, type MessageKey } from '$lib/i18n';

/** The contact fields a column can fill (the core's `import::mapping::Field`). */
export const FIELDS = [
	'ignore',
	'first_name',
	'middle_name',
	'last_name',
	'full_name',
	'salutation',
	'title',
	'department',
	'company',
	'email',
	'email_label',
	'phone',
	'phone_label',
	'street',
	'address_label',
	'city',
	'region',
	'postal_code',
	'country',
	'birthday',
	'notes',
	'lead_source',
	'tags'
] as const;

export type Field = (typeof FIELDS)[number];

/** The target that leaves a column out. */
export const IGNORE = 'ignore';

export type TargetGroup = 'skip' | 'person' | 'company' | 'email' | 'phone' | 'address' | 'more';

const FIELD_GROUP: Record<Field, TargetGroup> = {
	ignore: 'skip',
	first_name: 'person',
	middle_name: 'person',
	last_name: 'person',
	full_name: 'person',
	salutation: 'person',
	title: 'person',
	department: 'person',
	birthday: 'person',
	company: 'company',
	email: 'email',
	email_label: 'email',
	phone: 'phone',
	phone_label: 'phone',
	street: 'address',
	address_label: 'address',
	city: 'address',
	region: 'address',
	postal_code: 'address',
	country: 'address',
	notes: 'more',
	lead_source: 'more',
	tags: 'more'
};

/** The targets offered for every column, by group, in the order they are shown. */
export const STANDARD_TARGETS: Record<TargetGroup, readonly string[]> = {
	skip: [IGNORE],
	person: [
		'first_name',
		'middle_name',
		'last_name',
		'full_name',
		'salutation',
		'title',
		'department',
		'birthday'
	],
	company: ['company'],
	email: ['email', 'email:2', 'email:3', 'email_label'],
	phone: ['phone', 'phone:mobile', 'phone:work', 'phone:home', 'phone:fax', 'phone:other'],
	address: [
		'street',
		'city',
		'region',
		'postal_code',
		'country',
		'street:work',
		'city:work',
		'postal_code:work',
		'country:work',
		'street:home',
		'city:home',
		'postal_code:home',
		'country:home',
		'address_label'
	],
	more: ['notes', 'lead_source', 'tags']
};

export const GROUP_ORDER: readonly TargetGroup[] = [
	'skip',
	'person',
	'company',
	'email',
	'phone',
	'address',
	'more'
];

export interface Target {
	field: Field;
	/** Which e-mail, phone or address: a number or a kind (`mobile`, `work 2`); '' for none. */
	slot: string;
}

function isField(name: string): name is Field {
	return (FIELDS as readonly string[]).includes(name);
}

/** `field` or `field:slot` → its parts; unknown fields read as `ignore`. */
export function parseTarget(text: string | null | undefined): Target {
	if (!text) return { field: IGNORE, slot: '' };
	const at = text.indexOf(':');
	const name = (at < 0 ? text : text.slice(0, at)).trim();
	const slot = at < 0 ? '' : text.slice(at + 1).trim();
	return isField(name) ? { field: name, slot } : { field: IGNORE, slot: '' };
}

/** The target as the core writes it: `field` or `field:slot`. */
export function targetText(target: Target): string {
	return target.slot === '' ? target.field : `${target.field}:${target.slot}`;
}

/** The group a target is listed under. */
export function groupOf(target: string): TargetGroup {
	return FIELD_GROUP[parseTarget(target).field];
}

/**
 * The targets to offer, by group: the standard ones plus those the file's columns already have
 * (`email:1`, `phone:work 2`), each in its field's group.
 */
export function targetGroups(
	current: readonly string[]
): { group: TargetGroup; targets: string[] }[] {
	const extra = new Map<TargetGroup, string[]>();
	const standard = new Set(Object.values(STANDARD_TARGETS).flat());
	for (const raw of current) {
		const target = targetText(parseTarget(raw));
		if (standard.has(target)) continue;
		const group = groupOf(target);
		const list = extra.get(group) ?? [];
		if (!list.includes(target)) list.push(target);
		extra.set(group, list);
	}
	return GROUP_ORDER.map((group) => ({
		group,
		targets: [...STANDARD_TARGETS[group], ...(extra.get(group) ?? []).sort()]
	}));
}

const FIELD_LABELS: Record<Field, MessageKey> = {
	ignore: 'import.field.ignore',
	first_name: 'import.field.first_name',
	middle_name: 'import.field.middle_name',
	last_name: 'import.field.last_name',
	full_name: 'import.field.full_name',
	salutation: 'import.field.salutation',
	title: 'import.field.title',
	department: 'import.field.department',
	company: 'import.field.company',
	email: 'import.field.email',
	email_label: 'import.field.email_label',
	phone: 'import.field.phone',
	phone_label: 'import.field.phone_label',
	street: 'import.field.street',
	address_label: 'import.field.address_label',
	city: 'import.field.city',
	region: 'import.field.region',
	postal_code: 'import.field.postal_code',
	country: 'import.field.country',
	birthday: 'import.field.birthday',
	notes: 'import.field.notes',
	lead_source: 'import.field.lead_source',
	tags: 'import.field.tags'
};

const SLOT_KINDS: Record<string, MessageKey> = {
	mobile: 'import.slot.mobile',
	work: 'import.slot.work',
	home: 'import.slot.home',
	fax: 'import.slot.fax',
	pager: 'import.slot.pager',
	other: 'import.slot.other'
};

export const GROUP_LABELS: Record<TargetGroup, MessageKey> = {
	skip: 'import.group.skip',
	person: 'import.group.person',
	company: 'import.group.company',
	email: 'import.group.email',
	phone: 'import.group.phone',
	address: 'import.group.address',
	more: 'import.group.more'
};

/** A slot in words: `work 2` → "work 2" in the app's language, numbers as they are. */
export function slotLabel(slot: string): string {
	const [kind = '', ...rest] = slot.split(' ');
	const key = SLOT_KINDS[kind];
	if (!key) return slot;
	return [t(key), ...rest].join(' ');
}

/** A target in words, e.g. "Phone (mobile)", "Email (2)", "Don't import". */
export function targetLabel(target: string): string {
	const { field, slot } = parseTarget(target);
	const name = t(FIELD_LABELS[field]);
	return slot === '' ? name : t('import.target.withSlot', { field: name, slot: slotLabel(slot) });
}

/** The user's changes to the detected mapping, by header; null leaves the column out. */
export type MappingChoices = Record<string, string | null>;

/** The choices after the user picked `target` for `column`. */
export function chooseTarget(
	choices: MappingChoices,
	column: string,
	target: string
): MappingChoices {
	return { ...choices, [column]: target === IGNORE || target === '' ? null : target };
}

/** The `mapping` argument of the import: the choices, or null when there are none. */
export function mappingArg(choices: MappingChoices): MappingChoices | null {
	return Object.keys(choices).length > 0 ? { ...choices } : null;
}

/** The whole mapping a report used, by header (ignored columns as null), e.g. to save it. */
export function mappingOf(columns: readonly ColumnMapping[]): MappingChoices {
	const out: MappingChoices = {};
	for (const c of columns) out[c.column] = c.target === IGNORE ? null : c.target;
	return out;
}

/** True when both mappings give every header the same target. */
export function sameMapping(a: MappingChoices, b: MappingChoices): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) {
		if ((a[key] ?? null) !== (b[key] ?? null)) return false;
	}
	return true;
}

/** Only the choices for headers the file has (a saved mapping may name other columns). */
export function choicesForHeaders(
	choices: MappingChoices,
	headers: readonly string[]
): MappingChoices {
	const out: MappingChoices = {};
	for (const h of headers) {
		if (Object.prototype.hasOwnProperty.call(choices, h)) out[h] = choices[h] ?? null;
	}
	return out;
}

/** Fields that hold one value: a second column with the same target overwrites the first. */
const SINGLE_VALUE: ReadonlySet<Field> = new Set<Field>([
	'first_name',
	'middle_name',
	'last_name',
	'full_name',
	'salutation',
	'title',
	'department',
	'company',
	'birthday',
	'notes',
	'lead_source',
	'email_label',
	'phone_label',
	'address_label'
]);

/** The columns whose one-value target another column also has (only one of them would count). */
export function clashingColumns(columns: readonly ColumnMapping[]): Set<string> {
	const byTarget = new Map<string, string[]>();
	for (const c of columns) {
		const target = parseTarget(c.target);
		if (!SINGLE_VALUE.has(target.field)) continue;
		const key = targetText(target);
		byTarget.set(key, [...(byTarget.get(key) ?? []), c.column]);
	}
	const out = new Set<string>();
	for (const list of byTarget.values()) {
		if (list.length > 1) list.forEach((c) => out.add(c));
	}
	return out;
}

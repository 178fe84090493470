// Which field each column of an imported file fills: the targets a column can take (`field` or
// `field:slot`, as the core's import reads them), offered, grouped, labelled and checked from the
// target's `import_fields` (so the core alone knows each kind of record's fields), and the user's
// changes to the detected mapping, sent as `mapping: {header: target | null}`.
import type {
	ColumnMapping,
	FieldGroup,
	ImportField,
	ImportFields,
	RequiredFields
} from '$lib/bindings';
import { en } from '$lib/i18n/en';
import { t, type MessageKey } from '$lib/i18n';

/** The target that leaves a column out. */
export const IGNORE = 'ignore';

export type TargetGroup = 'skip' | FieldGroup;

export const GROUP_ORDER: readonly TargetGroup[] = [
	'skip',
	'person',
	'company',
	'product',
	'email',
	'phone',
	'address',
	'more'
];

export interface Target {
	/** The core's field name (`first_name`, `price`). */
	field: string;
	/** Which e-mail, phone or address: a number or a kind (`mobile`, `work 2`); '' for none. */
	slot: string;
}

/** `field` or `field:slot` → its parts; nothing reads as `ignore`. */
export function parseTarget(text: string | null | undefined): Target {
	if (!text) return { field: IGNORE, slot: '' };
	const at = text.indexOf(':');
	const field = (at < 0 ? text : text.slice(0, at)).trim();
	const slot = at < 0 ? '' : text.slice(at + 1).trim();
	return { field: field || IGNORE, slot };
}

/** The target as the core writes it: `field` or `field:slot`. */
export function targetText(target: Target): string {
	return target.slot === '' ? target.field : `${target.field}:${target.slot}`;
}

/** The target's field as the core describes it, if the kind of record has it. */
export function fieldOf(fields: ImportFields, target: string): ImportField | undefined {
	const name = parseTarget(target).field;
	return fields.fields.find((f) => f.field === name);
}

/** The group a target is listed under (columns left out, and unknown fields, under `skip`). */
export function groupOf(fields: ImportFields, target: string): TargetGroup {
	return fieldOf(fields, target)?.group ?? 'skip';
}

/**
 * The targets to offer, by group: those the core offers plus those the file's columns already
 * have (`email:1`, `phone:work 2`), each in its field's group; groups without targets are left out.
 */
export function targetGroups(
	fields: ImportFields,
	current: readonly string[]
): { group: TargetGroup; targets: string[] }[] {
	const offered = new Map<TargetGroup, string[]>([['skip', [IGNORE]]]);
	for (const f of fields.fields)
		offered.set(f.group, [...(offered.get(f.group) ?? []), ...f.targets]);
	const standard = new Set([...offered.values()].flat());
	const extra = new Map<TargetGroup, string[]>();
	for (const raw of current) {
		const target = targetText(parseTarget(raw));
		if (standard.has(target) || !fieldOf(fields, target)) continue;
		const group = groupOf(fields, target);
		const list = extra.get(group) ?? [];
		if (!list.includes(target)) list.push(target);
		extra.set(group, list);
	}
	return GROUP_ORDER.map((group) => ({
		group,
		targets: [...(offered.get(group) ?? []), ...(extra.get(group) ?? []).sort()]
	})).filter((g) => g.targets.length > 0);
}

/** A message key when the catalog has it (keys built from the core's names may not exist). */
function known(key: string): MessageKey | null {
	return Object.prototype.hasOwnProperty.call(en, key) ? (key as MessageKey) : null;
}

/**
 * A field in words: the app's words for it on this kind of record (`import.field.account.company`),
 * else its words for the field, else the core's English label.
 */
export function fieldLabel(fields: ImportFields, field: string): string {
	const key = known(`import.field.${fields.target}.${field}`) ?? known(`import.field.${field}`);
	if (key) return t(key);
	return fields.fields.find((f) => f.field === field)?.label ?? field;
}

const SLOT_KINDS: Record<string, MessageKey> = {
	mobile: 'import.slot.mobile',
	work: 'import.slot.work',
	home: 'import.slot.home',
	fax: 'import.slot.fax',
	pager: 'import.slot.pager',
	other: 'import.slot.other',
	billing: 'import.slot.billing',
	shipping: 'import.slot.shipping'
};

export const GROUP_LABELS: Record<TargetGroup, MessageKey> = {
	skip: 'import.group.skip',
	person: 'import.group.person',
	company: 'import.group.company',
	product: 'import.group.product',
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
export function targetLabel(fields: ImportFields, target: string): string {
	const { field, slot } = parseTarget(target);
	const name = fieldLabel(fields, field);
	return slot === '' ? name : t('import.target.withSlot', { field: name, slot: slotLabel(slot) });
}

/** The required fields no column is mapped to (each needs one of its fields), in the core's order. */
export function missingRequired(
	fields: ImportFields,
	columns: readonly ColumnMapping[]
): RequiredFields[] {
	const mapped = new Set(columns.map((c) => parseTarget(c.target).field));
	return fields.required.filter((r) => !r.fields.some((f) => mapped.has(f)));
}

/** "Code", "First name, Last name or Email": the fields of which a column must be mapped. */
export function requiredLabel(fields: ImportFields, required: RequiredFields): string {
	const names = required.fields.map((f) => fieldLabel(fields, f));
	if (names.length < 2) return names.join('');
	return t('import.required.oneOf', {
		fields: names.slice(0, -1).join(', '),
		last: names[names.length - 1]!
	});
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

/** The columns whose one-value target another column also has (only one of them would count). */
export function clashingColumns(
	fields: ImportFields,
	columns: readonly ColumnMapping[]
): Set<string> {
	const byTarget = new Map<string, string[]>();
	for (const c of columns) {
		const field = fieldOf(fields, c.target);
		if (!field || field.several) continue;
		const key = targetText(parseTarget(c.target));
		byTarget.set(key, [...(byTarget.get(key) ?? []), c.column]);
	}
	const out = new Set<string>();
	for (const list of byTarget.values()) {
		if (list.length > 1) list.forEach((c) => out.add(c));
	}
	return out;
}

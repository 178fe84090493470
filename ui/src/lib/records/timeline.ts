// The timeline's view model: what each entry of a record's history says. Entries come from the core
// newest first; a record's own changes, its notes, its files and its activities (tasks, events,
// calls) are told apart by their record type.
import type { TimelineEntry } from '$lib/bindings';
import { formatDate, formatDateTime, formatNumber } from '$lib/format';
import { t, type MessageKey } from '$lib/i18n';

export type TimelineKind = 'change' | 'note' | 'file' | 'activity';
export type TimelineFilter = 'all' | 'changes' | 'notes' | 'files' | 'activities';

export const TIMELINE_FILTERS: readonly TimelineFilter[] = [
	'all',
	'activities',
	'changes',
	'notes',
	'files'
];

const ACTIVITY_TYPES = new Set(['task', 'event', 'call']);

/** A record another field points at, shown by its name. */
export interface RecordRef {
	type: 'account' | 'contact';
	id: string;
}

export interface ChangeLine {
	field: string;
	label: string;
	/** The value before; null for a new record (it had none). */
	old: string | null;
	new: string;
	oldRef: RecordRef | null;
	newRef: RecordRef | null;
}

export interface TimelineItem {
	seq: number;
	at: string;
	actor: string;
	kind: TimelineKind;
	/** What happened, e.g. "Note added". */
	title: string;
	/** The note's text or the file's name, when the entry has it. */
	body: string;
	/** Field changes to list (none for a note or file whose body says it all). */
	changes: ChangeLine[];
}

export function entryKind(entry: Pick<TimelineEntry, 'record_type'>): TimelineKind {
	if (entry.record_type === 'note') return 'note';
	if (entry.record_type === 'attachment') return 'file';
	if (ACTIVITY_TYPES.has(entry.record_type)) return 'activity';
	return 'change';
}

export function matchesFilter(kind: TimelineKind, filter: TimelineFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'changes':
			return kind === 'change';
		case 'notes':
			return kind === 'note';
		case 'files':
			return kind === 'file';
		case 'activities':
			return kind === 'activity';
	}
}

const FIELD_LABELS: Record<string, MessageKey> = {
	salutation: 'records.field.salutation',
	first_name: 'records.field.first_name',
	last_name: 'records.field.last_name',
	title: 'records.field.title',
	department: 'records.field.department',
	emails: 'records.field.emails',
	phones: 'records.field.phones',
	addresses: 'records.field.addresses',
	birthday: 'records.field.birthday',
	lead_source: 'records.field.lead_source',
	notes: 'records.field.notes',
	tags: 'records.field.tags',
	account_id: 'records.field.account_id',
	contact_id: 'records.field.contact_id',
	name: 'records.field.name',
	account_type: 'records.field.account_type',
	parent_id: 'records.field.parent_id',
	industry: 'records.field.industry',
	website: 'records.field.website',
	billing_address: 'records.field.billing_address',
	shipping_address: 'records.field.shipping_address',
	tax_id: 'records.field.tax_id',
	annual_revenue: 'records.field.annual_revenue',
	employees: 'records.field.employees',
	rating: 'records.field.rating',
	description: 'records.field.description',
	body: 'records.field.body',
	pinned: 'records.field.pinned',
	file_name: 'records.field.file_name',
	folder: 'records.field.folder',
	size: 'records.field.size',
	email: 'records.field.email',
	phone: 'records.field.phone',
	city: 'records.field.city'
};

/** A field name for people: from the catalog, else "lead_source" → "Lead source". */
export function fieldLabel(field: string): string {
	const key = FIELD_LABELS[field];
	if (key) return t(key);
	const words = field.replace(/_id$/, '').replace(/[_.]+/g, ' ').trim();
	return words === '' ? field : words.charAt(0).toUpperCase() + words.slice(1);
}

const ENUM_LABELS: Record<string, Record<string, MessageKey>> = {
	account_type: {
		customer: 'accounts.type.customer',
		prospect: 'accounts.type.prospect',
		partner: 'accounts.type.partner',
		competitor: 'accounts.type.competitor',
		reseller: 'accounts.type.reseller',
		other: 'accounts.type.other'
	},
	rating: {
		hot: 'accounts.rating.hot',
		warm: 'accounts.rating.warm',
		cold: 'accounts.rating.cold'
	}
};

/** Fields that hold the id of another record. */
const REFERENCE_FIELDS: Record<string, RecordRef['type']> = {
	account_id: 'account',
	parent_id: 'account',
	contact_id: 'contact'
};

/** Fields of notes and files that are bookkeeping (where they belong, checksums). */
const HIDDEN_FIELDS = new Set(['record_type', 'record_id', 'sha256', 'media_type', 'merged_into']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** True for values that show as nothing: null, '', [], {} of blanks. */
export function isBlank(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** A file size for people: "512 B", "1.5 KB", "2.3 MB". */
export function formatBytes(size: number): string {
	if (!Number.isFinite(size) || size < 1024) return `${formatNumber(size)} B`;
	const units = ['KB', 'MB', 'GB'];
	let value = size / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${formatNumber(value, undefined, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

function addressText(value: Record<string, unknown>): string {
	const part = (k: string) => (typeof value[k] === 'string' ? (value[k] as string).trim() : '');
	const cityLine = [part('postal_code'), part('city')].filter(Boolean).join(' ');
	return [part('street'), cityLine, part('region'), part('country')].filter(Boolean).join(', ');
}

/** A stored value as text: lists joined, addresses on one line, dates in the locale. */
export function formatValue(field: string, value: unknown): string {
	if (isBlank(value)) return t('records.empty');
	if (typeof value === 'boolean') return value ? t('records.yes') : t('records.no');
	if (typeof value === 'number') {
		return field === 'size' ? formatBytes(value) : formatNumber(value);
	}
	if (typeof value === 'string') {
		const labels = ENUM_LABELS[field];
		const label = labels?.[value];
		if (label) return t(label);
		if (ISO_DATE.test(value)) return formatDate(value);
		if (ISO_INSTANT.test(value)) return formatDateTime(value);
		return value;
	}
	if (Array.isArray(value)) {
		return value
			.map((item) => {
				if (item && typeof item === 'object' && 'value' in item) {
					return String((item as { value: unknown }).value);
				}
				if (item && typeof item === 'object') return addressText(item as Record<string, unknown>);
				return String(item);
			})
			.filter((s) => s !== '')
			.join(', ');
	}
	if (typeof value === 'object') {
		const text = addressText(value as Record<string, unknown>);
		return text !== '' ? text : JSON.stringify(value);
	}
	return String(value);
}

function refOf(field: string, value: unknown): RecordRef | null {
	const type = REFERENCE_FIELDS[field];
	return type && typeof value === 'string' && value !== '' ? { type, id: value } : null;
}

function changeLines(entry: TimelineEntry, hide: (field: string) => boolean): ChangeLine[] {
	const lines: ChangeLine[] = [];
	for (const change of entry.changes) {
		if (HIDDEN_FIELDS.has(change.field) || change.field === 'deleted_at' || hide(change.field)) {
			continue;
		}
		// A new record lists only what was filled in.
		if (entry.op === 'create' && (isBlank(change.new) || change.new === false)) continue;
		lines.push({
			field: change.field,
			label: fieldLabel(change.field),
			old: entry.op === 'create' ? null : formatValue(change.field, change.old),
			new: formatValue(change.field, change.new),
			oldRef: entry.op === 'create' ? null : refOf(change.field, change.old),
			newRef: refOf(change.field, change.new)
		});
	}
	return lines;
}

function newValue(entry: TimelineEntry, field: string): unknown {
	return entry.changes.find((c) => c.field === field)?.new;
}

function has(entry: TimelineEntry, field: string): boolean {
	return entry.changes.some((c) => c.field === field);
}

const OP_TITLES: Record<TimelineKind, Record<string, MessageKey>> = {
	change: {
		create: 'records.timeline.created',
		update: 'records.timeline.updated',
		delete: 'records.timeline.deleted',
		restore: 'records.timeline.restored'
	},
	note: {
		create: 'records.timeline.noteAdded',
		update: 'records.timeline.noteEdited',
		delete: 'records.timeline.noteDeleted',
		restore: 'records.timeline.noteRestored'
	},
	activity: {
		create: 'records.timeline.created',
		update: 'records.timeline.updated',
		delete: 'records.timeline.deleted',
		restore: 'records.timeline.restored'
	},
	file: {
		create: 'records.timeline.fileAttached',
		update: 'records.timeline.fileChanged',
		delete: 'records.timeline.fileRemoved',
		restore: 'records.timeline.fileRestored'
	}
};

function itemOf(entry: TimelineEntry, afterMerge: boolean): TimelineItem {
	const kind = entryKind(entry);
	const base = { seq: entry.seq, at: entry.at, actor: entry.actor, kind };
	const titleKey = OP_TITLES[kind][entry.op];
	let title = titleKey ? t(titleKey) : entry.op;
	if (kind === 'note') {
		const body = newValue(entry, 'body');
		if (entry.op === 'update' && !has(entry, 'body') && has(entry, 'pinned')) {
			title = newValue(entry, 'pinned')
				? t('records.timeline.notePinned')
				: t('records.timeline.noteUnpinned');
		}
		return {
			...base,
			title,
			body: typeof body === 'string' ? body : '',
			changes:
				entry.op === 'update' && has(entry, 'body') ? changeLines(entry, (f) => f !== 'body') : []
		};
	}
	if (kind === 'file') {
		const name = newValue(entry, 'file_name');
		return {
			...base,
			title,
			body: typeof name === 'string' ? name : '',
			changes: changeLines(
				entry,
				(f) => f === 'file_name' || (entry.op === 'create' && f !== 'folder')
			)
		};
	}
	if (kind === 'activity') return { ...base, ...activityItem(entry) };
	if (has(entry, 'merged_into')) {
		return { ...base, title: t('records.timeline.merged'), body: '', changes: [] };
	}
	if (entry.op === 'delete' && afterMerge) {
		return { ...base, title: t('records.timeline.duplicateRemoved'), body: '', changes: [] };
	}
	return { ...base, title, body: '', changes: changeLines(entry, () => false) };
}

/**
 * The items of loaded entries (newest first). A merge writes "merged into" on the duplicate and
 * then deletes it: that delete (the entry just newer) reads as the duplicate's removal.
 */
export function timelineItems(entries: readonly TimelineEntry[]): TimelineItem[] {
	return entries.map((entry, i) => {
		const older = entries[i + 1];
		const afterMerge =
			entry.op === 'delete' &&
			older !== undefined &&
			entryKind(older) === 'change' &&
			has(older, 'merged_into');
		return itemOf(entry, afterMerge);
	});
}

/** What a task, event or call entry says: what happened to which subject. */
function activityItem(entry: TimelineEntry): Pick<TimelineItem, 'title' | 'body' | 'changes'> {
	const subject = newValue(entry, 'subject');
	const body = typeof subject === 'string' ? subject : '';
	const type = entry.record_type as 'task' | 'event' | 'call';
	if (entry.op === 'delete' || entry.op === 'restore') {
		const key = entry.op === 'delete' ? 'records.timeline.deleted' : 'records.timeline.restored';
		return { title: `${t(`records.timeline.activity.${type}`)} · ${t(key)}`, body, changes: [] };
	}
	if (type === 'task' && has(entry, 'status') && newValue(entry, 'status') === 'completed') {
		return { title: t('records.timeline.taskCompleted'), body, changes: [] };
	}
	if (entry.op === 'create') {
		const when = type === 'event' ? newValue(entry, 'start') : newValue(entry, 'due_date');
		const title =
			type === 'call'
				? t('records.timeline.callLogged')
				: type === 'event'
					? t('records.timeline.eventPlanned')
					: t('records.timeline.taskAdded');
		return {
			title,
			body: typeof when === 'string' && when !== '' ? `${body} · ${formatWhen(when)}` : body,
			changes: []
		};
	}
	return {
		title: `${t(`records.timeline.activity.${type}`)} · ${t('records.timeline.updated')}`,
		body,
		changes: changeLines(entry, (f) => f === 'subject')
	};
}

/** A due date ("2026-03-05") or a local start ("2026-03-05T09:00") for the timeline. */
function formatWhen(value: string): string {
	return value.length > 10 ? formatDateTime(value) : formatDate(value);
}

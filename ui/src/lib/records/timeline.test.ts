import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '$lib/bindings';
import {
	entryKind,
	fieldLabel,
	formatBytes,
	formatValue,
	isBlank,
	matchesFilter,
	timelineItems
} from './timeline';

function entry(partial: Partial<TimelineEntry>): TimelineEntry {
	return {
		seq: 1,
		record_type: 'contact',
		at: '2026-11-25T10:00:00Z',
		op: 'update',
		actor: 'Ann',
		changes: [],
		...partial
	};
}

describe('timeline entries', () => {
	it('tells changes, notes and files apart and filters them', () => {
		expect(entryKind({ record_type: 'contact' })).toBe('change');
		expect(entryKind({ record_type: 'note' })).toBe('note');
		expect(entryKind({ record_type: 'attachment' })).toBe('file');
		expect(matchesFilter('note', 'all')).toBe(true);
		expect(matchesFilter('note', 'notes')).toBe(true);
		expect(matchesFilter('note', 'files')).toBe(false);
		expect(matchesFilter('change', 'changes')).toBe(true);
		expect(matchesFilter('file', 'files')).toBe(true);
	});

	it('names fields from the catalog or from the field name', () => {
		expect(fieldLabel('last_name')).toBe('Last name');
		expect(fieldLabel('parent_id')).toBe('Parent account');
		expect(fieldLabel('favourite_colour')).toBe('Favourite colour');
		expect(fieldLabel('owner_id')).toBe('Owner');
	});

	it('formats values: blanks, enums, lists, addresses, booleans, sizes', () => {
		expect(isBlank(null)).toBe(true);
		expect(isBlank('  ')).toBe(true);
		expect(isBlank([])).toBe(true);
		expect(isBlank(0)).toBe(false);
		expect(formatValue('first_name', '')).toBe('—');
		expect(formatValue('account_type', 'customer')).toBe('Customer');
		expect(formatValue('rating', 'hot')).toBe('Hot');
		expect(formatValue('pinned', true)).toBe('yes');
		expect(
			formatValue('emails', [
				{ value: 'a@x.de', label: 'work', primary: true },
				{ value: 'b@x.de', label: '', primary: false }
			])
		).toBe('a@x.de, b@x.de');
		expect(formatValue('tags', ['vip', 'north'])).toBe('vip, north');
		expect(
			formatValue('billing_address', {
				label: '',
				street: 'Hauptstr. 1',
				city: 'Berlin',
				region: '',
				postal_code: '10115',
				country: 'DE'
			})
		).toBe('Hauptstr. 1, 10115 Berlin, DE');
		expect(formatValue('size', 512)).toBe('512 B');
	});

	it('formats file sizes', () => {
		expect(formatBytes(0)).toBe('0 B');
		expect(formatBytes(1023)).toBe('1,023 B');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
	});

	it('lists only the filled fields of a new record', () => {
		const [item] = timelineItems([
			entry({
				op: 'create',
				changes: [
					{ field: 'first_name', old: null, new: 'Anna' },
					{ field: 'title', old: null, new: '' },
					{ field: 'emails', old: null, new: [] },
					{ field: 'account_id', old: null, new: 'a1' }
				]
			})
		]);
		expect(item?.title).toBe('Created');
		expect(item?.kind).toBe('change');
		expect(item?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
			['first_name', null, 'Anna'],
			['account_id', null, 'a1']
		]);
		expect(item?.changes[1]?.newRef).toEqual({ type: 'account', id: 'a1' });
	});

	it('shows old and new values of a change and hides bookkeeping fields', () => {
		const [item] = timelineItems([
			entry({
				changes: [
					{ field: 'last_name', old: 'Meier', new: 'Maier' },
					{ field: 'deleted_at', old: null, new: null },
					{ field: 'record_id', old: 'x', new: 'y' }
				]
			})
		]);
		expect(item?.title).toBe('Changed');
		expect(item?.changes).toEqual([
			{
				field: 'last_name',
				label: 'Last name',
				old: 'Meier',
				new: 'Maier',
				oldRef: null,
				newRef: null
			}
		]);
	});

	it('tells notes by their text and pins by their state', () => {
		const items = timelineItems([
			entry({
				seq: 3,
				record_type: 'note',
				op: 'update',
				changes: [{ field: 'pinned', old: false, new: true }]
			}),
			entry({
				seq: 2,
				record_type: 'note',
				op: 'create',
				changes: [
					{ field: 'body', old: null, new: 'Called, wants a quote' },
					{ field: 'record_id', old: null, new: 'c1' }
				]
			})
		]);
		expect(items.map((i) => i.title)).toEqual(['Note pinned', 'Note added']);
		expect(items[1]?.body).toBe('Called, wants a quote');
		expect(items[1]?.changes).toEqual([]);
	});

	it('tells files by their name', () => {
		const [item] = timelineItems([
			entry({
				record_type: 'attachment',
				op: 'create',
				changes: [
					{ field: 'file_name', old: null, new: 'offer.pdf' },
					{ field: 'size', old: null, new: 2048 },
					{ field: 'sha256', old: null, new: 'abc' }
				]
			})
		]);
		expect(item?.kind).toBe('file');
		expect(item?.title).toBe('File attached');
		expect(item?.body).toBe('offer.pdf');
		expect(item?.changes).toEqual([]);
	});

	it('reads a merge and the removal of the merged duplicate', () => {
		const items = timelineItems([
			entry({ seq: 5, op: 'delete', changes: [{ field: 'deleted_at', old: null, new: 'x' }] }),
			entry({ seq: 4, changes: [{ field: 'merged_into', old: null, new: 'c1' }] }),
			entry({ seq: 3, op: 'delete', changes: [] })
		]);
		expect(items.map((i) => i.title)).toEqual([
			'The merged duplicate was removed',
			'A duplicate was merged into this record',
			'Deleted'
		]);
	});
});

describe('activities on the timeline', () => {
	const entry = (record_type: string, op: string, changes: [string, unknown][]) =>
		({
			seq: 1,
			record_type,
			record_id: 'x',
			op,
			at: '2026-11-29T10:00:00Z',
			actor: 'me',
			batch_id: null,
			changes: changes.map(([field, value]) => ({ field, old: null, new: value }))
		}) as unknown as Parameters<typeof timelineItems>[0][number];

	it('tells tasks, meetings and calls by what happened to them', () => {
		const [added, completed, call, meeting] = timelineItems([
			entry('task', 'create', [
				['subject', 'Send the offer'],
				['due_date', '2026-12-01']
			]),
			entry('task', 'update', [['status', 'completed']]),
			entry('call', 'create', [['subject', 'Intro call']]),
			entry('event', 'create', [
				['subject', 'Site visit'],
				['start', '2026-12-02T09:00']
			])
		]);
		expect(added).toMatchObject({ kind: 'activity', title: 'Task added' });
		expect(added!.body).toContain('Send the offer');
		expect(completed).toMatchObject({ kind: 'activity', title: 'Task completed' });
		expect(call).toMatchObject({ title: 'Call logged', body: 'Intro call' });
		expect(meeting!.title).toBe('Meeting planned');
		expect(matchesFilter('activity', 'activities')).toBe(true);
		expect(matchesFilter('activity', 'changes')).toBe(false);
	});
});

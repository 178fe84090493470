import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '$lib/bindings';
import {
	isBanner,
	itemsByDay,
	layoutDay,
	localEnd,
	movedTimes,
	shiftLike,
	stepAnchor,
	viewDays
} from './calendar';
import { addDays, addMinutes, addMonths, minutesBetween, weekStart, weekday } from './dates';
import { fromRrule, NO_REPEAT, toRrule, weekOfMonth } from './repeat';
import { scopedChanges, seriesMoved } from './scope';
import { importSummary } from './calendarFile';

function item(partial: Partial<CalendarItem>): CalendarItem {
	return {
		type: 'event',
		id: 'e1',
		series_id: null,
		occurrence: null,
		subject: 'Meeting',
		all_day: false,
		start: '2026-03-05T09:00:00+01:00',
		end: '2026-03-05T10:00:00+01:00',
		status: 'planned',
		location: '',
		owner_id: 'u1',
		record: null,
		...partial
	};
}

describe('dates', () => {
	it('adds days across months, years and daylight saving changes', () => {
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});
	it('finds weekdays and Mondays', () => {
		expect(weekday('2026-11-30')).toBe(0);
		expect(weekday('2026-11-29')).toBe(6);
		expect(weekStart('2026-11-29')).toBe('2026-11-23');
	});
	it('clamps months to their last day', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
	});
	it('moves local date-times across midnight', () => {
		expect(addMinutes('2026-03-05T23:30', 45)).toBe('2026-03-06T00:15');
		expect(addMinutes('2026-03-05T00:15', -30)).toBe('2026-03-04T23:45');
		expect(minutesBetween('2026-03-05T23:30', '2026-03-06T00:15')).toBe(45);
	});
});

describe('views', () => {
	it('shows a Monday-to-Sunday week', () => {
		const days = viewDays('week', '2026-11-26');
		expect(days).toHaveLength(7);
		expect(days[0]).toBe('2026-11-23');
		expect(days[6]).toBe('2026-11-29');
	});
	it('shows whole weeks covering the month', () => {
		const days = viewDays('month', '2026-02-14');
		expect(days[0]).toBe('2026-01-26');
		expect(days.at(-1)).toBe('2026-03-01');
		expect(days.length % 7).toBe(0);
		expect(days).toContain('2026-02-28');
	});
	it('steps by the view', () => {
		expect(stepAnchor('month', '2026-01-31', 1)).toBe('2026-02-28');
		expect(stepAnchor('week', '2026-01-31', -1)).toBe('2026-01-24');
		expect(stepAnchor('day', '2026-01-31', 1)).toBe('2026-02-01');
	});
});

describe('placing items', () => {
	it('puts overlapping meetings side by side and separate ones full width', () => {
		const a = item({
			id: 'a',
			start: '2026-03-05T09:00:00+01:00',
			end: '2026-03-05T10:00:00+01:00'
		});
		const b = item({
			id: 'b',
			start: '2026-03-05T09:30:00+01:00',
			end: '2026-03-05T11:00:00+01:00'
		});
		const c = item({
			id: 'c',
			start: '2026-03-05T10:00:00+01:00',
			end: '2026-03-05T10:30:00+01:00'
		});
		const d = item({
			id: 'd',
			start: '2026-03-05T14:00:00+01:00',
			end: '2026-03-05T15:00:00+01:00'
		});
		const placed = layoutDay([d, c, b, a], '2026-03-05');
		const at = (id: string) => placed.find((p) => p.item.id === id)!;
		expect(at('a')).toMatchObject({ top: 540, height: 60, column: 0, columns: 2 });
		expect(at('b')).toMatchObject({ column: 1, columns: 2 });
		expect(at('c')).toMatchObject({ column: 0, columns: 2 });
		expect(at('d')).toMatchObject({ top: 840, column: 0, columns: 1 });
	});
	it('clips a meeting that runs past midnight to each day', () => {
		const late = item({ start: '2026-03-05T23:00:00+01:00', end: '2026-03-06T01:00:00+01:00' });
		expect(layoutDay([late], '2026-03-05')[0]).toMatchObject({ top: 1380, height: 60 });
		expect(layoutDay([late], '2026-03-06')[0]).toMatchObject({ top: 0, height: 60 });
		expect(layoutDay([late], '2026-03-07')).toHaveLength(0);
	});
	it('gives a timed task a short block and an undated-time task a whole day', () => {
		const task = item({ type: 'task', end: null, start: '2026-03-05T16:00:00+01:00' });
		expect(localEnd(task)).toBe('2026-03-05T16:30');
		const dayTask = item({ type: 'task', end: null, all_day: true, start: '2026-03-05' });
		expect(isBanner(dayTask)).toBe(true);
		expect(itemsByDay([dayTask], ['2026-03-05', '2026-03-06']).get('2026-03-06')).toEqual([]);
	});
	it('lists an all-day event on each of its days (end exclusive), all-day first', () => {
		const trip = item({ id: 'trip', all_day: true, start: '2026-03-05', end: '2026-03-07' });
		const call = item({
			id: 'call',
			start: '2026-03-06T08:00:00+01:00',
			end: '2026-03-06T08:30:00+01:00'
		});
		const byDay = itemsByDay([call, trip], ['2026-03-05', '2026-03-06', '2026-03-07']);
		expect(byDay.get('2026-03-06')!.map((i) => i.id)).toEqual(['trip', 'call']);
		expect(byDay.get('2026-03-07')).toEqual([]);
	});
});

describe('dragging', () => {
	it('moves a meeting by days and minutes, keeping its length', () => {
		expect(movedTimes(item({}), 1, 90)).toEqual({
			start: '2026-03-06T10:30',
			end: '2026-03-06T11:30'
		});
	});
	it('resizes only the end, never below one snap', () => {
		expect(movedTimes(item({}), 0, 30, true)).toEqual({
			start: '2026-03-05T09:00',
			end: '2026-03-05T10:30'
		});
		expect(movedTimes(item({}), 0, -120, true).end).toBe('2026-03-05T09:15');
	});
	it('moves all-day events by whole days', () => {
		const trip = item({ all_day: true, start: '2026-03-05', end: '2026-03-07' });
		expect(movedTimes(trip, 2, 45)).toEqual({ start: '2026-03-07', end: '2026-03-09' });
	});
	it('shifts a series start by what its occurrence moved', () => {
		expect(shiftLike('2026-01-05T09:00', '2026-03-05T09:00', '2026-03-06T10:30')).toBe(
			'2026-01-06T10:30'
		);
		expect(shiftLike('2026-01-05', '2026-03-05', '2026-03-03')).toBe('2026-01-03');
	});
});

describe('repeat rules', () => {
	it('writes the rules of the form', () => {
		const weekly = {
			...NO_REPEAT,
			freq: 'weekly' as const,
			days: ['TH' as const, 'TU' as const],
			end: 'count' as const,
			count: 10
		};
		expect(toRrule(weekly, '2026-03-05')).toBe('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10');
		const monthly = {
			...NO_REPEAT,
			freq: 'monthly' as const,
			monthly: 'weekday' as const,
			interval: 2
		};
		expect(toRrule(monthly, '2026-03-10')).toBe('FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU');
		expect(toRrule({ ...monthly, interval: 1 }, '2026-03-31')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
		const until = {
			...NO_REPEAT,
			freq: 'daily' as const,
			end: 'until' as const,
			until: '2026-04-01'
		};
		expect(toRrule(until, '2026-03-05')).toBe('FREQ=DAILY;UNTIL=20260401');
		expect(toRrule(NO_REPEAT, '2026-03-05')).toBeNull();
	});
	it('reads back what it writes', () => {
		for (const rule of [
			'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10',
			'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU',
			'FREQ=YEARLY',
			'FREQ=DAILY;UNTIL=20260401'
		]) {
			expect(toRrule(fromRrule(rule), '2026-03-10')).toBe(rule);
		}
	});
	it('keeps rules it cannot show as custom', () => {
		const rule = 'FREQ=MONTHLY;BYMONTHDAY=1,15';
		expect(fromRrule(rule).custom).toBe(rule);
		expect(toRrule(fromRrule(rule), '2026-03-01')).toBe(rule);
		expect(fromRrule('FREQ=HOURLY').custom).toBe('FREQ=HOURLY');
	});
	it('counts the weekday of the month, the last one as -1', () => {
		expect(weekOfMonth('2026-03-01')).toBe(1);
		expect(weekOfMonth('2026-03-24')).toBe(4);
		expect(weekOfMonth('2026-03-25')).toBe(-1);
	});
});

describe('changing a meeting of a series', () => {
	const input = {
		subject: 'Standup',
		location: '',
		notes: '',
		status: 'planned' as const,
		all_day: false,
		start: '2026-03-12T10:00',
		end: '2026-03-12T10:30',
		tz: 'Europe/Berlin',
		rrule: 'FREQ=WEEKLY',
		record: null,
		attendees: [],
		owner_id: null,
		reminder_minutes: null
	};
	const series = { start: '2026-03-05T09:00', end: '2026-03-05T09:30' };
	const shown = { start: '2026-03-12T09:00', end: '2026-03-12T09:30' };
	it('leaves the rule out of a change to this meeting alone', () => {
		expect(scopedChanges('this', input, series, shown)).not.toHaveProperty('rrule');
	});
	it('moves the whole series by as much as this meeting moved', () => {
		const all = scopedChanges('all', input, series, shown);
		expect(all.start).toBe('2026-03-05T10:00');
		expect(all.end).toBe('2026-03-05T10:30');
		expect(all.rrule).toBe('FREQ=WEEKLY');
	});
	it('keeps the series length when only the end of a meeting moved', () => {
		expect(seriesMoved(series, shown, { start: shown.start, end: '2026-03-12T10:00' })).toEqual({
			start: '2026-03-05T09:00',
			end: '2026-03-05T10:00'
		});
	});
});

describe('calendar files', () => {
	const report = {
		batch_id: 'b1',
		dry_run: false,
		created: 3,
		updated: 1,
		unchanged: 0,
		skipped: 0,
		errors: [],
		warnings: []
	};
	it('tells what an import created and updated', () => {
		expect(importSummary(report)).toBe('3 created, 1 updated, 0 already there.');
	});
	it('names the first line that was not imported', () => {
		const failed = {
			...report,
			errors: [
				{ line: 12, message: 'bad DTSTART' },
				{ line: 40, message: 'x' }
			]
		};
		expect(importSummary(failed)).toBe(
			'3 created, 1 updated, 0 already there. 2 not imported (line 12: bad DTSTART).'
		);
	});
});

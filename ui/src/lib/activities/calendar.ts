// The calendar's arithmetic: which days a view shows, which items fall on a day, where a timed
// item sits in a day column (side by side when they overlap), and what a drag does to an item.
import type { CalendarItem } from '$lib/bindings';
import {
	addDays,
	addMinutes,
	addMonths,
	daysBetween,
	minutesBetween,
	monthStart,
	weekStart
} from './dates';

export const VIEWS = ['day', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof VIEWS)[number];

/** Days the agenda lists from its first day. */
export const AGENDA_DAYS = 14;
/** How long a timed task (which has no end) shows. */
export const TASK_MINUTES = 30;
/** Drags and resizes snap to this many minutes. */
export const SNAP_MINUTES = 15;

/** The days a view shows around `anchor`: a day, Monday to Sunday, whole weeks of a month. */
export function viewDays(view: CalendarView, anchor: string): string[] {
	let first: string;
	let count: number;
	switch (view) {
		case 'day':
			return [anchor];
		case 'week':
			first = weekStart(anchor);
			count = 7;
			break;
		case 'month': {
			first = weekStart(monthStart(anchor));
			const afterMonth = monthStart(addMonths(monthStart(anchor), 1));
			count = Math.ceil(daysBetween(first, afterMonth) / 7) * 7;
			break;
		}
		case 'agenda':
			first = anchor;
			count = AGENDA_DAYS;
			break;
	}
	return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** The anchor one step before (-1) or after (+1) in a view. */
export function stepAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
	switch (view) {
		case 'day':
			return addDays(anchor, step);
		case 'week':
			return addDays(anchor, 7 * step);
		case 'month':
			return addMonths(anchor, step);
		case 'agenda':
			return addDays(anchor, AGENDA_DAYS * step);
	}
}

/** The local start of an item: a date for all-day items, else "YYYY-MM-DDTHH:MM". */
export function localStart(item: CalendarItem): string {
	return item.all_day ? item.start.slice(0, 10) : item.start.slice(0, 16);
}

/** The local (exclusive) end of an item; a timed task lasts TASK_MINUTES, an all-day task a day. */
export function localEnd(item: CalendarItem): string {
	if (item.end) return item.all_day ? item.end.slice(0, 10) : item.end.slice(0, 16);
	const start = localStart(item);
	return item.all_day ? addDays(start, 1) : addMinutes(start, TASK_MINUTES);
}

/** Whether an item covers any part of `day`. */
export function onDay(item: CalendarItem, day: string): boolean {
	const start = localStart(item);
	const end = localEnd(item);
	if (item.all_day) return start <= day && day < end;
	const dayStart = `${day}T00:00`;
	const dayEnd = `${addDays(day, 1)}T00:00`;
	return start < dayEnd && (end > dayStart || start === dayStart);
}

/** Items shown in a day's all-day strip: all-day items and timed ones spanning a whole day or more. */
export function isBanner(item: CalendarItem): boolean {
	return item.all_day || minutesBetween(localStart(item), localEnd(item)) >= 1440;
}

export interface Placed {
	item: CalendarItem;
	/** Minutes from the day's midnight to the visible start. */
	top: number;
	/** Visible minutes (at least SNAP_MINUTES so it can be clicked). */
	height: number;
	/** Column among overlapping items, and how many columns the cluster has. */
	column: number;
	columns: number;
}

/** Places a day's timed items: clipped to the day, overlapping ones side by side. */
export function layoutDay(items: readonly CalendarItem[], day: string): Placed[] {
	const dayStart = `${day}T00:00`;
	const spans = items
		.filter((item) => !isBanner(item) && onDay(item, day))
		.map((item) => {
			const top = Math.max(0, minutesBetween(dayStart, localStart(item)));
			const bottom = Math.min(1440, minutesBetween(dayStart, localEnd(item)));
			return { item, top, bottom: Math.max(bottom, top + SNAP_MINUTES) };
		})
		.sort((a, b) => a.top - b.top || b.bottom - a.bottom);
	const placed: Placed[] = [];
	let cluster: Placed[] = [];
	let clusterEnd = -1;
	let ends: number[] = [];
	const close = () => {
		for (const p of cluster) p.columns = ends.length;
		cluster = [];
		ends = [];
	};
	for (const s of spans) {
		if (s.top >= clusterEnd) close();
		let column = ends.findIndex((end) => end <= s.top);
		if (column < 0) column = ends.push(0) - 1;
		ends[column] = s.bottom;
		clusterEnd = Math.max(clusterEnd, s.bottom);
		const p = { item: s.item, top: s.top, height: s.bottom - s.top, column, columns: 1 };
		cluster.push(p);
		placed.push(p);
	}
	close();
	return placed;
}

/** Rounds minutes to the snap grid. */
export function snap(minutes: number): number {
	return Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;
}

export interface NewTimes {
	start: string;
	end: string;
}

/**
 * Where an item goes when dragged by whole days and minutes (minutes are ignored for all-day
 * items), keeping its length; or, when `resize` is set, only its end moves (never before the
 * start plus one snap).
 */
export function movedTimes(
	item: CalendarItem,
	days: number,
	minutes: number,
	resize = false
): NewTimes {
	const start = localStart(item);
	const end = localEnd(item);
	if (item.all_day) {
		if (resize) {
			const last = addDays(end, days);
			return { start, end: last > start ? last : addDays(start, 1) };
		}
		return { start: addDays(start, days), end: addDays(end, days) };
	}
	const delta = days * 1440 + minutes;
	if (resize) {
		const moved = addMinutes(end, delta);
		const least = addMinutes(start, SNAP_MINUTES);
		return { start, end: moved > least ? moved : least };
	}
	return { start: addMinutes(start, delta), end: addMinutes(end, delta) };
}

/** Shifts a local date or date-time by the same amount another one moved (for "all occurrences"). */
export function shiftLike(value: string, from: string, to: string): string {
	if (value.length <= 10) return addDays(value, daysBetween(from.slice(0, 10), to.slice(0, 10)));
	return addMinutes(value, minutesBetween(from, to));
}

/** Groups items by the days they fall on (agenda and month views), in time order within a day. */
export function itemsByDay(
	items: readonly CalendarItem[],
	days: readonly string[]
): Map<string, CalendarItem[]> {
	const out = new Map<string, CalendarItem[]>(days.map((d) => [d, []]));
	for (const item of items) {
		for (const day of days) if (onDay(item, day)) out.get(day)!.push(item);
	}
	for (const list of out.values()) {
		list.sort(
			(a, b) => Number(b.all_day) - Number(a.all_day) || localStart(a).localeCompare(localStart(b))
		);
	}
	return out;
}

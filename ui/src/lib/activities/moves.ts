// What a drag in the calendar writes: a task's due date and time; a meeting's start and end (in
// the calendar's zone); for a meeting of a series, the part of the series the user picked. A
// single meeting or a task can be moved back with Undo.
import { call } from '$lib/api';
import type { CalendarItem, EditScope, TaskInput } from '$lib/bindings';
import { movedTimes, localEnd, localStart } from './calendar';
import type { DragMove } from './drag.svelte';
import { seriesMoved } from './scope';

/** An expanded meeting of a repeating series (not a single meeting or an already moved one). */
export function isSeriesMeeting(item: CalendarItem): boolean {
	return item.type === 'event' && item.occurrence !== null && item.series_id === item.id;
}

/** Moves a task or a single meeting; resolves the call that moves it back. */
export async function moveItem(move: DragMove, zone: string): Promise<() => Promise<unknown>> {
	const { item } = move;
	const next = movedTimes(item, move.days, move.minutes, move.resize);
	if (item.type === 'task') {
		const task = await call('task_get', { id: item.id });
		const due = (start: string): Partial<TaskInput> =>
			item.all_day
				? { due_date: start }
				: { due_date: start.slice(0, 10), due_time: start.slice(11, 16) };
		await call('task_update', { id: item.id, changes: due(next.start) });
		return () =>
			call('task_update', {
				id: item.id,
				changes: { due_date: task.due_date, due_time: task.due_time }
			});
	}
	const before = await call('event_get', { id: item.id });
	await call('event_update', {
		id: item.id,
		changes: { start: next.start, end: next.end, ...(item.all_day ? {} : { tz: zone }) }
	});
	return () =>
		call('event_update', {
			id: item.id,
			changes: { start: before.start, end: before.end, tz: before.tz }
		});
}

/** Moves a meeting of a series: this one, this and the following ones, or the whole series. */
export async function moveSeriesMeeting(
	move: DragMove,
	scope: EditScope,
	zone: string
): Promise<void> {
	const { item } = move;
	const next = movedTimes(item, move.days, move.minutes, move.resize);
	if (scope === 'all') {
		const series = await call('event_get', { id: item.id });
		const shown = { start: localStart(item), end: localEnd(item) };
		await call('event_update', { id: item.id, scope, changes: seriesMoved(series, shown, next) });
		return;
	}
	await call('event_update', {
		id: item.id,
		scope,
		occurrence: item.occurrence ?? undefined,
		changes: { start: next.start, end: next.end, ...(item.all_day ? {} : { tz: zone }) }
	});
}

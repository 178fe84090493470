// The task list's "show" choices and the task_list arguments each stands for.
import type { TaskListQuery } from '$lib/bindings';
import { localZone } from './dates';

export const TASK_SHOWS = ['open', 'today', 'overdue', 'completed', 'all'] as const;
export type TaskShow = (typeof TASK_SHOWS)[number];

/** The arguments of task_list for a choice and a quick-filter text (a page is asked for later). */
export function taskQuery(show: TaskShow, q: string, zone = localZone()): TaskListQuery {
	const base: TaskListQuery = {
		desc: false,
		after: null,
		limit: 0,
		q: q.trim(),
		overdue: show === 'overdue',
		due_today: show === 'today',
		tz: zone
	};
	if (show === 'completed') return { ...base, desc: true, status: 'completed' };
	if (show === 'open' || show === 'today') {
		return { ...base, conditions: [{ field: 'status', op: 'not_equals', value: 'completed' }] };
	}
	return base;
}

// Completing and reopening a task from a list, each with Undo; and how a task's due date reads.
import { call } from '$lib/api';
import type { TaskRow } from '$lib/bindings';
import { formatDate } from '$lib/format';
import { t } from '$lib/i18n';
import { reportError } from '$lib/state/banner.svelte';
import { markChanged } from '$lib/state/changes.svelte';
import { showToast } from '$lib/state/toast.svelte';
import { today } from './dates';

async function setDone(id: string, done: boolean): Promise<void> {
	if (done) await call('task_complete', { id });
	else await call('task_update', { id, changes: { status: 'not_started' } });
	markChanged('activities');
}

/** Completes an open task, or reopens a completed one; the toast's Undo takes it back. */
export async function toggleDone(task: Pick<TaskRow, 'id' | 'status'>): Promise<void> {
	const done = task.status !== 'completed';
	try {
		await setDone(task.id, done);
	} catch (e) {
		reportError(e);
		return;
	}
	showToast(t(done ? 'tasks.completed' : 'tasks.reopened'), async () => {
		try {
			await setDone(task.id, !done);
		} catch (e) {
			reportError(e);
		}
	});
}

/** An open task due before today. */
export function isOverdue(task: Pick<TaskRow, 'due_date' | 'status'>, now = today()): boolean {
	return task.status !== 'completed' && task.due_date !== null && task.due_date < now;
}

/** "5 Mar 2026, 14:00" or "5 Mar 2026"; '' when undated. */
export function dueLabel(task: Pick<TaskRow, 'due_date' | 'due_time'>): string {
	if (!task.due_date) return '';
	const date = formatDate(task.due_date);
	return task.due_time ? `${date}, ${task.due_time}` : date;
}

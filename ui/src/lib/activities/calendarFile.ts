// The calendar's exchange with other calendar programs: an .ics file imported (Undo takes it
// back) or the meetings and tasks of the view exported.
import { call, chooseFileToOpen, chooseFileToSave } from '$lib/api';
import type { IcsImportReport } from '$lib/bindings';
import { t } from '$lib/i18n';
import { reportError } from '$lib/state/banner.svelte';
import { batchReverted, markChanged } from '$lib/state/changes.svelte';
import { showToast } from '$lib/state/toast.svelte';

/** The toast's words for an import: what was created and updated, and what failed (first reason). */
export function importSummary(report: IcsImportReport): string {
	const counts = t('calendar.imported', {
		created: report.created,
		updated: report.updated,
		unchanged: report.unchanged
	});
	const first = report.errors[0];
	if (!first) return counts;
	return `${counts} ${t('calendar.importErrors', { count: report.errors.length, line: first.line, message: first.message })}`;
}

/** Asks for an .ics file and imports it in one transaction; false when nothing was chosen. */
export async function importCalendarFile(zone: string): Promise<boolean> {
	const path = await chooseFileToOpen(t('calendar.importTitle'), ['ics', 'ical', 'ifb']);
	if (path === null) return false;
	const report = await call('ics_import', { path, tz: zone, dry_run: false });
	markChanged('activities');
	const batch = report.batch_id;
	showToast(
		importSummary(report),
		batch
			? async () => {
					try {
						await call('batch_undo', { batch_id: batch });
						batchReverted();
					} catch (e) {
						reportError(e);
					}
				}
			: undefined
	);
	return true;
}

/** Asks where to write, then exports the meetings and tasks between two instants. */
export async function exportCalendarFile(
	from: string,
	to: string,
	kinds: { events: boolean; tasks: boolean }
): Promise<void> {
	const path = await chooseFileToSave(t('calendar.exportTitle'), 'calendar.ics', ['ics']);
	if (path === null) return;
	const done = await call('ics_export', {
		from,
		to,
		path,
		no_events: !kinds.events,
		no_tasks: !kinds.tasks
	});
	showToast(t('calendar.exported', { events: done.events, tasks: done.tasks }));
}

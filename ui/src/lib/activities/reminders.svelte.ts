// Reminders while the app runs: every half minute the core is asked which reminders fell due
// since the last ones shown; each is shown as a desktop notification and a toast, then
// acknowledged. Those that fell due while the app was closed are listed when it starts.
import { call, notify } from '$lib/api';
import type { Reminder } from '$lib/bindings';
import { formatDate, formatDateTime } from '$lib/format';
import { t } from '$lib/i18n';
import { showToast } from '$lib/state/toast.svelte';
import { localZone } from './dates';

const POLL_MS = 30_000;

export const reminders = $state<{ missed: Reminder[] }>({ missed: [] });

/** When the reminded meeting starts or the task is due, as the user reads it. */
export function reminderWhen(r: Reminder): string {
	if (!r.start) return '';
	return r.all_day || r.start.length <= 10
		? formatDate(r.start.slice(0, 10))
		: formatDateTime(r.start);
}

function announce(r: Reminder): void {
	const when = reminderWhen(r);
	void notify(r.subject, when);
	showToast(t('reminders.toast', { subject: r.subject, when }));
}

/** Starts asking for due reminders; returns the function that stops it. */
export function startReminders(): () => void {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | null = null;

	async function check(first: boolean) {
		const until = new Date().toISOString();
		try {
			const due = await call('reminder_due', { until, tz: localZone() });
			if (first) reminders.missed = due.reminders;
			else due.reminders.forEach(announce);
			await call('reminder_ack', { until });
		} catch {
			// The banner already tells when the database cannot be read; try again later.
		}
		if (!stopped) timer = setTimeout(() => void check(false), POLL_MS);
	}

	void check(true);
	return () => {
		stopped = true;
		if (timer) clearTimeout(timer);
	};
}

/** The user has seen the missed reminders. */
export function dismissMissed(): void {
	reminders.missed = [];
}

// Calendar dates and local times as the core writes them: dates "2026-03-05", local date-times
// "2026-03-05T09:00" (no zone: the zone is the event's or the calendar's). Arithmetic runs on UTC
// so that a day is always a day, whatever the machine's daylight saving rules.

const DAY_MS = 86_400_000;

/** Year, month (1–12) and day of "YYYY-MM-DD". */
export function ymd(date: string): [number, number, number] {
	return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function utcOf(date: string): number {
	const [y, m, d] = ymd(date);
	return Date.UTC(y, m - 1, d);
}

function dateOfUtc(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
	return dateOfUtc(utcOf(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
	return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
	return (new Date(utcOf(date)).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
	return addDays(date, -weekday(date));
}

/** The first day of the month holding `date`. */
export function monthStart(date: string): string {
	return `${date.slice(0, 7)}-01`;
}

/** The same day `months` later, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = ymd(date);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return dateOfUtc(first.getTime());
}

/** Today in this machine's zone. */
export function today(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** This machine's IANA time zone (the calendar's zone). */
export function localZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Minutes since midnight of "HH:MM" (or of a local date-time's time part). */
export function minutesOf(time: string): number {
	const hm = time.length > 5 ? time.slice(11, 16) : time;
	return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/** "HH:MM" of minutes since midnight. */
export function timeOf(minutes: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A local date-time "YYYY-MM-DDTHH:MM" moved by `minutes` (across days as needed). */
export function addMinutes(local: string, minutes: number): string {
	const total = minutesOf(local) + minutes;
	const days = Math.floor(total / 1440);
	return `${addDays(local.slice(0, 10), days)}T${timeOf(total - days * 1440)}`;
}

/** Minutes from one local date-time to another. */
export function minutesBetween(from: string, to: string): number {
	return daysBetween(from.slice(0, 10), to.slice(0, 10)) * 1440 + minutesOf(to) - minutesOf(from);
}

/** The RFC 3339 instant of local midnight of `date` on this machine (a calendar range bound). */
export function midnightInstant(date: string): string {
	const [y, m, d] = ymd(date);
	return new Date(y, m - 1, d).toISOString();
}

/** An instant as a `datetime-local` input's value on this machine ("YYYY-MM-DDTHH:MM"). */
export function instantToLocal(instant: string): string {
	const at = new Date(instant);
	if (Number.isNaN(at.getTime())) return '';
	return `${today(at)}T${timeOf(at.getHours() * 60 + at.getMinutes())}`;
}

/** A `datetime-local` value on this machine as an RFC 3339 instant; '' stays ''. */
export function localToInstant(local: string): string {
	if (!local) return '';
	const at = new Date(local);
	return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

// The repeat choices of the event form and the RFC 5545 RRULE they stand for. Rules the form
// cannot show (written by another calendar) are kept as they are and shown as "custom".
import { weekday, ymd } from './dates';

export const FREQUENCIES = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Repeat {
	freq: Frequency;
	interval: number;
	/** Weekly: the days; empty means the start's weekday. */
	days: Weekday[];
	/** Monthly: on the same date ("day") or the same weekday of the month ("weekday", e.g. 2nd TU). */
	monthly: 'day' | 'weekday';
	end: 'never' | 'count' | 'until';
	count: number;
	/** Last date (inclusive), YYYY-MM-DD. */
	until: string;
	/** A rule this form cannot edit, kept verbatim. */
	custom: string | null;
}

export const NO_REPEAT: Repeat = {
	freq: 'none',
	interval: 1,
	days: [],
	monthly: 'day',
	end: 'never',
	count: 10,
	until: '',
	custom: null
};

/** The weekday of the month of `date`: 1st … 4th, or -1 for the last. */
export function weekOfMonth(date: string): number {
	const [y, m, day] = ymd(date);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return day + 7 > last ? -1 : Math.ceil(day / 7);
}

/** The RRULE of the choices for an event starting on `startDate`; null when it does not repeat. */
export function toRrule(r: Repeat, startDate: string): string | null {
	if (r.custom !== null) return r.custom;
	if (r.freq === 'none') return null;
	const parts = [`FREQ=${r.freq.toUpperCase()}`];
	if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
	if (r.freq === 'weekly' && r.days.length > 0) {
		parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.days.includes(d)).join(',')}`);
	}
	if (r.freq === 'monthly' && r.monthly === 'weekday') {
		parts.push(`BYDAY=${weekOfMonth(startDate)}${WEEKDAYS[weekday(startDate)]}`);
	}
	if (r.end === 'count') parts.push(`COUNT=${Math.max(1, Math.floor(r.count))}`);
	if (r.end === 'until' && r.until) parts.push(`UNTIL=${r.until.replaceAll('-', '')}`);
	return parts.join(';');
}

/** The form's choices for a stored RRULE (a rule it cannot show becomes `custom`). */
export function fromRrule(rule: string | null): Repeat {
	if (!rule) return { ...NO_REPEAT };
	const out: Repeat = { ...NO_REPEAT, days: [] };
	const custom = { ...NO_REPEAT, custom: rule };
	for (const part of rule.split(';')) {
		const [key = '', value = ''] = part.split('=');
		switch (key.toUpperCase()) {
			case 'FREQ': {
				const freq = value.toLowerCase() as Frequency;
				if (!FREQUENCIES.includes(freq) || freq === 'none') return custom;
				out.freq = freq;
				break;
			}
			case 'INTERVAL':
				out.interval = Math.max(1, Number(value) || 1);
				break;
			case 'COUNT':
				out.end = 'count';
				out.count = Number(value) || 1;
				break;
			case 'UNTIL':
				out.end = 'until';
				out.until = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
				break;
			case 'BYDAY': {
				const days = value.split(',');
				if (days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) {
					out.days = days as Weekday[];
				} else if (days.length === 1 && /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.test(days[0] ?? '')) {
					out.monthly = 'weekday';
				} else return custom;
				break;
			}
			case 'WKST':
				break;
			default:
				return custom;
		}
	}
	if (out.freq === 'none') return custom;
	if (out.days.length > 0 && out.freq !== 'weekly') return custom;
	if (out.monthly === 'weekday' && out.freq !== 'monthly') return custom;
	return out;
}

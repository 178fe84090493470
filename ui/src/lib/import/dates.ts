// The question the import asks when a date column reads two ways (03/04/2024): the formats to
// offer, built from the core's message so they use the file's own separator and year width.

/** The date formats (chrono syntax such as `%d/%m/%Y`) named in a message, in order. */
export function formatsIn(message: string): string[] {
	const found = message.match(/%[A-Za-z](?:[^\s%A-Za-z0-9]?%[A-Za-z])+/g) ?? [];
	return [...new Set(found)];
}

/** The column a date message names (`column "Birthday"`), if any. */
export function dateColumnIn(message: string): string | null {
	const m = /column ("(?:[^"\\]|\\.)*")/.exec(message);
	if (!m?.[1]) return null;
	try {
		const name: unknown = JSON.parse(m[1]);
		return typeof name === 'string' ? name : null;
	} catch {
		return m[1].slice(1, -1);
	}
}

export type DateOrder = 'day_first' | 'month_first';

export interface DateChoice {
	order: DateOrder;
	format: string;
	/** 31 December 2024 written in the format, e.g. "31/12/2024". */
	example: string;
}

/** The order of day, month and year in a format: "dmy", "mdy", "ymd". */
function partsOrder(format: string): string {
	return [...format.matchAll(/%([dmYy])/g)]
		.map((m) => (m[1] === 'Y' || m[1] === 'y' ? 'y' : m[1]))
		.join('');
}

/** A sample date written in a format, to show what it means. */
export function formatExample(format: string): string {
	return format
		.replace(/%d/g, '31')
		.replace(/%m/g, '12')
		.replace(/%Y/g, '2024')
		.replace(/%y/g, '24');
}

/**
 * The day-first and month-first formats to offer for an ambiguous date column, with the
 * separator and year width of the formats the core found (`/` and four digits when it names none).
 */
export function dateChoices(message: string): DateChoice[] {
	const candidates = formatsIn(message).filter((f) => {
		const order = partsOrder(f);
		return order === 'dmy' || order === 'mdy';
	});
	const first = candidates[0] ?? '%d/%m/%Y';
	const separator = /%[A-Za-z]([^%]?)%/.exec(first)?.[1] ?? '/';
	const year = first.includes('%y') ? '%y' : '%Y';
	const dayFirst = ['%d', '%m', year].join(separator);
	const monthFirst = ['%m', '%d', year].join(separator);
	return [
		{ order: 'day_first', format: dayFirst, example: formatExample(dayFirst) },
		{ order: 'month_first', format: monthFirst, example: formatExample(monthFirst) }
	];
}

/** True when the text looks like a date format: at least day, month and year placeholders. */
export function isDateFormat(text: string): boolean {
	const order = partsOrder(text.trim());
	return order.length === 3 && new Set(order).size === 3;
}

// How far a running import is: the share of the rows done and the speed in rows per second.

/** Rows per second; null until some time has passed. */
export function rowsPerSecond(rows: number, elapsedMs: number): number | null {
	if (!(elapsedMs > 0) || rows < 0) return null;
	return (rows * 1000) / elapsedMs;
}

/** The speed as a number in the locale, whole rows (one decimal below 10); '' while unknown. */
export function formatRate(rows: number, elapsedMs: number, locale: string): string {
	const rate = rowsPerSecond(rows, elapsedMs);
	if (rate === null) return '';
	const digits = rate < 10 ? 1 : 0;
	try {
		return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(rate);
	} catch {
		return rate.toFixed(digits);
	}
}

/** The share of `total` rows done, from 0 to 1; null when the total is not known. */
export function progressFraction(rows: number, total: number | null): number | null {
	if (total === null || !(total > 0)) return null;
	return Math.min(1, Math.max(0, rows / total));
}

// Locale-aware formatting with Intl. Every function takes an optional locale; without one it uses the
// app's locale (Settings, else the system's). Bad input never throws: it is shown as given.
import { appLocale } from '$lib/state/locale.svelte';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

function safeLocale(locale: string | undefined): string {
	const wanted = locale || appLocale();
	try {
		return Intl.getCanonicalLocales(wanted)[0] ?? 'en-US';
	} catch {
		return 'en-US';
	}
}

/** A calendar date ("2026-03-01") in the locale's medium style; no time-zone shift. */
export function formatDate(
	isoDate: string | null | undefined,
	locale?: string,
	style: 'short' | 'medium' | 'long' = 'medium'
): string {
	if (!isoDate) return '';
	const m = ISO_DATE.exec(isoDate);
	if (!m) return isoDate;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (Number.isNaN(date.getTime())) return isoDate;
	return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: style, timeZone: 'UTC' }).format(
		date
	);
}

/** An instant (RFC 3339) as a local date and time; `timeZone` defaults to the system's. */
export function formatDateTime(
	instant: string | null | undefined,
	locale?: string,
	timeZone?: string
): string {
	if (!instant) return '';
	const date = new Date(instant);
	if (Number.isNaN(date.getTime())) return instant;
	try {
		return new Intl.DateTimeFormat(safeLocale(locale), {
			dateStyle: 'medium',
			timeStyle: 'short',
			...(timeZone ? { timeZone } : {})
		}).format(date);
	} catch {
		return instant;
	}
}

/** The local calendar date of an instant (RFC 3339), e.g. for "updated" columns. */
export function formatInstantDate(
	instant: string | null | undefined,
	locale?: string,
	timeZone?: string
): string {
	if (!instant) return '';
	const date = new Date(instant);
	if (Number.isNaN(date.getTime())) return instant;
	try {
		return new Intl.DateTimeFormat(safeLocale(locale), {
			dateStyle: 'medium',
			...(timeZone ? { timeZone } : {})
		}).format(date);
	} catch {
		return instant;
	}
}

/** A number with the locale's grouping and decimal separators. */
export function formatNumber(
	value: number | bigint | null | undefined,
	locale?: string,
	options?: Intl.NumberFormatOptions
): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	return new Intl.NumberFormat(safeLocale(locale), options).format(value);
}

/**
 * A tax rate from the core, a fraction as decimal text ("0.19"), as a percentage in the locale's
 * style ("19 %", "19%"). Rates have few digits, so showing them through a number loses nothing.
 */
export function formatPercent(rate: string | null | undefined, locale?: string): string {
	if (rate === null || rate === undefined || rate.trim() === '') return '';
	const value = Number(rate);
	if (!Number.isFinite(value)) return rate;
	return formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 4 });
}

/**
 * Money from the core: a decimal string (e.g. "-1234.5") and an ISO 4217 code. Digits are kept
 * exactly as given (no floating point, no rounding); the fraction is padded to the currency's
 * usual number of digits.
 */
export function formatMoney(
	amount: string | null | undefined,
	currency: string,
	locale?: string
): string {
	if (amount === null || amount === undefined || amount === '') return '';
	const m = DECIMAL.exec(amount.trim());
	const code = currency.trim().toUpperCase();
	if (!m) return `${amount} ${code}`.trim();
	const negative = m[1] === '-';
	const integer = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
	let fraction = m[3] ?? '';

	let nf: Intl.NumberFormat;
	try {
		nf = new Intl.NumberFormat(safeLocale(locale), {
			style: 'currency',
			currency: code,
			minimumFractionDigits: 0,
			maximumFractionDigits: 0
		});
	} catch {
		return `${negative ? '-' : ''}${integer}${fraction ? '.' + fraction : ''} ${code}`.trim();
	}

	const currencyDigits =
		new Intl.NumberFormat(safeLocale(locale), {
			style: 'currency',
			currency: code
		}).resolvedOptions().maximumFractionDigits ?? 2;
	fraction = fraction.replace(/0+$/, '');
	if (fraction.length < currencyDigits) fraction = fraction.padEnd(currencyDigits, '0');

	const intValue = BigInt(integer);
	const isZero = intValue === 0n && /^0*$/.test(fraction);
	const showMinus = negative && !isZero;
	// Format the integer part (with the sign) to get the locale's pattern, then put the exact
	// integer digits and fraction into it. A probe of -1 carries the minus sign for "-0.xx".
	const probe = showMinus ? (intValue === 0n ? -1n : -intValue) : intValue;
	const parts = nf.formatToParts(probe);
	const decimalSeparator =
		new Intl.NumberFormat(safeLocale(locale)).formatToParts(1.5).find((p) => p.type === 'decimal')
			?.value ?? '.';

	let out = '';
	const lastInteger = parts.map((p) => p.type).lastIndexOf('integer');
	parts.forEach((part, i) => {
		if (part.type === 'integer' && intValue === 0n) {
			out += '0';
		} else {
			out += part.value;
		}
		if (i === lastInteger && fraction.length > 0) {
			out += decimalSeparator + fraction;
		}
	});
	return out;
}

/** A BCP 47 locale's name in its own language, e.g. "Deutsch (Österreich)". */
export function localeDisplayName(locale: string): string {
	try {
		const names = new Intl.DisplayNames([locale], {
			type: 'language',
			languageDisplay: 'standard'
		});
		return names.of(locale) ?? locale;
	} catch {
		return locale;
	}
}

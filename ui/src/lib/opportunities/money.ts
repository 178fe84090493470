// Amounts typed by the user, turned into the decimal text the core takes ("12500.50"), and the
// core's decimal text shown for editing in the locale's style. Digits are moved as text: no
// floating point anywhere, so every digit typed is the digit stored.

export type ParsedAmount = { ok: true; value: string | null } | { ok: false };

interface Separators {
	decimal: string;
	group: string;
}

function separators(locale: string): Separators {
	try {
		const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
		return {
			decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
			group: parts.find((p) => p.type === 'group')?.value ?? ','
		};
	} catch {
		return { decimal: '.', group: ',' };
	}
}

/** Spaces of every kind and apostrophes (Swiss grouping) only group digits. */
const GROUPING = /[\s\u00a0\u202f'’]/g;

/**
 * Reads an amount as typed, in the user's locale or in plain notation: "12500", "12,500.50",
 * "12.500,50", "12 500,50", "1'250.5", "-3". Empty text is no amount (null). Returns
 * `{ ok: false }` for anything that is not a number.
 *
 * With both "." and "," the last one is the decimal separator. With one of them only: the
 * locale's decimal separator is decimal; the other one groups thousands when it is repeated or
 * followed by exactly three digits, and is decimal otherwise.
 */
export function parseAmount(text: string, locale: string): ParsedAmount {
	let s = text.trim();
	if (s === '') return { ok: true, value: null };
	let sign = '';
	if (s.startsWith('-') || s.startsWith('+') || s.startsWith('−')) {
		sign = s.startsWith('+') ? '' : '-';
		s = s.slice(1).trimStart();
	}
	s = s.replace(GROUPING, '');
	if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false };

	const dots = s.split('.').length - 1;
	const commas = s.split(',').length - 1;
	let decimalMark: '.' | ',' | null = null;
	if (dots > 0 && commas > 0) {
		decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
	} else if (dots + commas > 0) {
		const mark = dots > 0 ? '.' : ',';
		const count = dots + commas;
		if (count > 1) {
			decimalMark = null;
		} else if (mark === separators(locale).decimal) {
			decimalMark = mark;
		} else {
			const after = s.length - s.indexOf(mark) - 1;
			decimalMark = after === 3 ? null : mark;
		}
	}

	let integer: string;
	let fraction = '';
	if (decimalMark === null) {
		integer = s.replace(/[.,]/g, '');
	} else {
		const at = s.lastIndexOf(decimalMark);
		const groupMark = decimalMark === '.' ? ',' : '.';
		integer = s.slice(0, at);
		fraction = s.slice(at + 1);
		if (integer.includes(decimalMark) || fraction.includes(groupMark)) return { ok: false };
		integer = integer.split(groupMark).join('');
	}
	if (!/^\d*$/.test(integer) || !/^\d*$/.test(fraction)) return { ok: false };
	if (integer === '' && fraction === '') return { ok: false };
	integer = integer.replace(/^0+(?=\d)/, '') || '0';
	return { ok: true, value: `${sign}${integer}${fraction ? '.' + fraction : ''}` };
}

/** The core's decimal text ("12500.50") for an input, with the locale's decimal separator. */
export function amountForInput(amount: string | null | undefined, locale: string): string {
	if (amount === null || amount === undefined) return '';
	const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
	if (!m) return amount;
	const fraction = m[3] ? separators(locale).decimal + m[3] : '';
	return `${m[1] === '-' ? '-' : ''}${m[2]}${fraction}`;
}

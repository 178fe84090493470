import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatInstantDate,
	formatMoney,
	formatNumber,
	localeDisplayName
} from './format';

// Intl output may use narrow/non-breaking spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
	it('formats with the locale and the currency', () => {
		expect(formatMoney('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
		expect(plain(formatMoney('1234.5', 'EUR', 'de-DE'))).toBe('1.234,50 €');
		expect(plain(formatMoney('1234.5', 'CHF', 'de-CH'))).toMatch(/^CHF 1['’]234\.50$/);
		expect(plain(formatMoney('-1234.5', 'UAH', 'uk-UA'))).toBe('-1 234,50 ₴');
		expect(formatMoney('12', 'JPY', 'en-US')).toBe('¥12');
	});

	it('keeps every digit of large or precise amounts', () => {
		expect(formatMoney('12345678901234567890.12', 'USD', 'en-US')).toBe(
			'$12,345,678,901,234,567,890.12'
		);
		expect(formatMoney('0.125', 'EUR', 'en-GB')).toBe('€0.125');
		expect(formatMoney('1.10000', 'USD', 'en-US')).toBe('$1.10');
	});

	it('handles signs and zero', () => {
		expect(formatMoney('-0.50', 'USD', 'en-US')).toBe('-$0.50');
		expect(formatMoney('-0', 'USD', 'en-US')).toBe('$0.00');
		expect(formatMoney('+3', 'USD', 'en-US')).toBe('$3.00');
		expect(formatMoney('007.5', 'USD', 'en-US')).toBe('$7.50');
	});

	it('shows unusable input as given', () => {
		expect(formatMoney('12,5', 'EUR', 'de-DE')).toBe('12,5 EUR');
		expect(formatMoney('1.5', 'EURO', 'en-US')).toBe('1.5 EURO');
		expect(formatMoney('', 'EUR', 'en-US')).toBe('');
		expect(formatMoney(null, 'EUR', 'en-US')).toBe('');
	});
});

describe('dates', () => {
	it('formats calendar dates without shifting the day', () => {
		expect(formatDate('2026-03-01', 'en-US')).toBe('Mar 1, 2026');
		expect(formatDate('2026-03-01', 'de-DE')).toBe('01.03.2026');
		expect(formatDate('2026-12-31', 'en-GB', 'long')).toBe('31 December 2026');
		expect(formatDate('not a date', 'en-US')).toBe('not a date');
		expect(formatDate(null)).toBe('');
	});

	it('formats instants in a time zone', () => {
		expect(plain(formatDateTime('2026-03-01T23:30:00Z', 'en-US', 'UTC'))).toBe(
			'Mar 1, 2026, 11:30 PM'
		);
		expect(formatDateTime('2026-03-01T23:30:00Z', 'de-DE', 'Europe/Berlin')).toBe(
			'02.03.2026, 00:30'
		);
		expect(formatInstantDate('2026-03-01T23:30:00Z', 'en-GB', 'Europe/Kyiv')).toBe('2 Mar 2026');
		expect(formatDateTime('garbage', 'en-US')).toBe('garbage');
	});
});

describe('numbers and names', () => {
	it('groups digits the locale way', () => {
		expect(formatNumber(1000000, 'en-US')).toBe('1,000,000');
		expect(formatNumber(1000000, 'de-DE')).toBe('1.000.000');
		expect(plain(formatNumber(1000000, 'ru-RU'))).toBe('1 000 000');
		expect(formatNumber(null)).toBe('');
	});

	it('names locales in their own language', () => {
		expect(localeDisplayName('de-AT')).toBe('Deutsch (Österreich)');
		expect(localeDisplayName('uk-UA')).toBe('українська (Україна)');
	});

	it('falls back to a usable locale for a bad one', () => {
		expect(formatNumber(1000, 'not_a_locale!')).toBe('1,000');
	});
});

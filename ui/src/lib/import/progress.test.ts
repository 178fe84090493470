import { describe, expect, it } from 'vitest';
import { formatRate, progressFraction, rowsPerSecond } from './progress';

describe('import progress', () => {
	it('computes rows per second', () => {
		expect(rowsPerSecond(5000, 2000)).toBe(2500);
		expect(rowsPerSecond(0, 1000)).toBe(0);
		expect(rowsPerSecond(1000, 0)).toBeNull();
	});

	it('formats the speed for the locale', () => {
		expect(formatRate(123456, 1000, 'en-US')).toBe('123,456');
		expect(formatRate(123456, 1000, 'de-DE')).toBe('123.456');
		expect(formatRate(10001, 3000, 'en-US')).toBe('3,334');
		expect(formatRate(7, 2000, 'en-US')).toBe('3.5');
		expect(formatRate(100, 0, 'en-US')).toBe('');
	});

	it('gives the share of the rows done', () => {
		expect(progressFraction(250, 1000)).toBe(0.25);
		expect(progressFraction(1200, 1000)).toBe(1);
		expect(progressFraction(10, null)).toBeNull();
		expect(progressFraction(10, 0)).toBeNull();
	});
});

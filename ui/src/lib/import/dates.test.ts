import { describe, expect, it } from 'vitest';
import { dateChoices, dateColumnIn, formatExample, formatsIn, isDateFormat } from './dates';

const AMBIGUOUS =
	'The dates in column "Birthday" read both as %d/%m/%Y and %m/%d/%Y: say which one (e.g. --date-format %d/%m/%Y)';

describe('date format question', () => {
	it('reads the formats and the column from the core’s message', () => {
		expect(formatsIn(AMBIGUOUS)).toEqual(['%d/%m/%Y', '%m/%d/%Y']);
		expect(dateColumnIn(AMBIGUOUS)).toBe('Birthday');
		expect(dateColumnIn('The dates in column "Geb. \\"Tag\\"" read both as')).toBe('Geb. "Tag"');
		expect(dateColumnIn('no column named')).toBeNull();
	});

	it('offers day first and month first with the file’s separator', () => {
		expect(dateChoices(AMBIGUOUS)).toEqual([
			{ order: 'day_first', format: '%d/%m/%Y', example: '31/12/2024' },
			{ order: 'month_first', format: '%m/%d/%Y', example: '12/31/2024' }
		]);
		const dotted = 'The dates in column "Geburtstag" read both as %d.%m.%y and %m.%d.%y: say which';
		expect(dateChoices(dotted).map((c) => c.format)).toEqual(['%d.%m.%y', '%m.%d.%y']);
		expect(dateChoices(dotted)[0]!.example).toBe('31.12.24');
		const dashed = 'read both as %Y-%m-%d and %d-%m-%Y and %m-%d-%Y';
		expect(dateChoices(dashed).map((c) => c.format)).toEqual(['%d-%m-%Y', '%m-%d-%Y']);
	});

	it('falls back to slashes and four-digit years when the message names no format', () => {
		const unreadable = 'The dates in column "DOB" are in no format Outpost reads; give the format';
		expect(dateChoices(unreadable).map((c) => c.format)).toEqual(['%d/%m/%Y', '%m/%d/%Y']);
	});

	it('checks a typed format', () => {
		expect(isDateFormat('%d.%m.%Y')).toBe(true);
		expect(isDateFormat(' %Y%m%d ')).toBe(true);
		expect(isDateFormat('%d.%m')).toBe(false);
		expect(isDateFormat('%d.%d.%Y')).toBe(false);
		expect(isDateFormat('dd.mm.yyyy')).toBe(false);
		expect(formatExample('%Y-%m-%d')).toBe('2024-12-31');
	});
});

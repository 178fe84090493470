import { describe, expect, it } from 'vitest';
import {
	describeError,
	fieldKey,
	fieldKeyCandidates,
	isFatal,
	placeError,
	placeSaveError,
	toCrmError
} from './errors';

describe('toCrmError', () => {
	it('keeps the fields of a core error and drops others', () => {
		expect(
			toCrmError({ code: 'validation', message: 'bad', field: 'emails[1]', extra: 1, row: 3 })
		).toEqual({ code: 'validation', message: 'bad', field: 'emails[1]', row: 3 });
	});

	it('reads a JSON-encoded core error', () => {
		expect(toCrmError('{"code":"not_found","message":"no contact"}')).toEqual({
			code: 'not_found',
			message: 'no contact'
		});
	});

	it('normalises other values to internal', () => {
		expect(toCrmError('oops')).toEqual({ code: 'internal', message: 'oops' });
		expect(toCrmError(new Error('x'))).toEqual({ code: 'internal', message: 'x' });
		expect(toCrmError(null)).toEqual({ code: 'internal', message: 'null' });
		expect(toCrmError({ code: 5 })).toEqual({ code: 'internal', message: '[object Object]' });
	});
});

describe('field keys', () => {
	it('turns field paths into control keys', () => {
		expect(fieldKey('last_name')).toBe('last_name');
		expect(fieldKey('emails[0]')).toBe('emails-0');
		expect(fieldKey('phones[12]')).toBe('phones-12');
		expect(fieldKey('addresses[1].postal_code')).toBe('addresses-1-postal_code');
		expect(fieldKey('emails[0].value')).toBe('emails-0-value');
	});

	it('lists less specific keys after the exact one', () => {
		expect(fieldKeyCandidates('addresses-1-city')).toEqual([
			'addresses-1-city',
			'addresses-1',
			'addresses'
		]);
	});
});

describe('placeError', () => {
	const shown = new Set(['last_name', 'emails-0', 'emails-1', 'emails', 'birthday']);
	const has = (k: string) => shown.has(k);

	it('puts a validation error next to its field', () => {
		expect(
			placeError({ code: 'validation', message: 'Enter a last name', field: 'last_name' }, has)
		).toEqual({ fields: { last_name: 'Enter a last name' }, focus: 'last_name', other: null });
	});

	it('maps list items, falling back to the row or the list', () => {
		expect(placeError({ code: 'validation', message: 'm', field: 'emails[1]' }, has).focus).toBe(
			'emails-1'
		);
		expect(
			placeError({ code: 'validation', message: 'm', field: 'emails[0].value' }, has).focus
		).toBe('emails-0');
		expect(placeError({ code: 'validation', message: 'm', field: 'emails[7]' }, has).focus).toBe(
			'emails'
		);
	});

	it('leaves errors without a shown field to the caller', () => {
		const e = { code: 'validation' as const, message: 'm', field: 'owner_id' };
		expect(placeError(e, has)).toEqual({ fields: {}, focus: null, other: e });
		const db = { code: 'schema_too_new' as const, message: 'newer' };
		expect(placeError(db, has).other).toBe(db);
	});
});

describe('describeError', () => {
	it('explains a database from a newer version', () => {
		const e = { code: 'schema_too_new' as const, message: 'schema 9 > 3' };
		expect(describeError(e)).toBe(
			'This database was written by a newer version of Outpost. Update Outpost to open it.'
		);
		expect(isFatal(e)).toBe(true);
	});

	it('includes the core message where it helps', () => {
		expect(describeError({ code: 'io', message: 'disk full' })).toContain('disk full');
		expect(describeError({ code: 'validation', message: 'too long', field: 'x' })).toBe(
			'x: too long'
		);
		expect(isFatal({ code: 'io', message: '' })).toBe(false);
	});
});

describe('where a failed save shows its error', () => {
	const shown = (key: string) => key === 'name';
	it('next to a field the form has, above the form for other validation errors, else in the banner', () => {
		expect(
			placeSaveError({ code: 'validation', message: 'A name is needed', field: 'name' }, shown)
		).toEqual({ kind: 'field', fields: { name: 'A name is needed' }, focus: 'name' });
		expect(
			placeSaveError({ code: 'validation', message: 'Too many tags', field: 'tags' }, shown).kind
		).toBe('form');
		expect(placeSaveError({ code: 'conflict', message: 'Deleted meanwhile' }, shown)).toEqual({
			kind: 'banner',
			error: { code: 'conflict', message: 'Deleted meanwhile' }
		});
	});
});

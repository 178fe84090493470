import type { Contact } from '$lib/bindings';
import { placeError } from '$lib/errors';
import { describe, expect, it } from 'vitest';
import {
	addItem,
	changedFields,
	contactToInput,
	draftFromContact,
	emptyDraft,
	formFieldKey,
	newAddress,
	prepareInput,
	removeItem,
	setPrimary
} from './form';

const saved: Contact = {
	id: '0190-1',
	created_at: '2026-01-02T03:04:05Z',
	updated_at: '2026-01-03T03:04:05Z',
	deleted_at: null,
	owner_id: null,
	display_name: 'Dr. Anna Schmidt',
	salutation: 'Dr.',
	first_name: 'Anna',
	last_name: 'Schmidt',
	title: 'CTO',
	department: 'IT',
	emails: [
		{ value: 'anna@example.com', label: 'work', primary: true },
		{ value: 'a@home.example', label: 'home', primary: false }
	],
	phones: [],
	addresses: [
		{
			label: 'work',
			street: 'Hauptstr. 1',
			city: 'Wien',
			region: '',
			postal_code: '1010',
			country: 'AT'
		}
	],
	birthday: '1980-05-17',
	lead_source: 'fair',
	notes: '',
	tags: ['vip', 'fair 2026'],
	account_id: '0190-acc'
};

describe('contact draft', () => {
	it('starts blank with one email and phone row to type into', () => {
		const d = emptyDraft();
		expect(d.emails).toHaveLength(1);
		expect(d.emails[0]!.primary).toBe(true);
		expect(d.phones).toHaveLength(1);
		expect(d.addresses).toHaveLength(0);
		expect(prepareInput(d).input).toEqual({
			salutation: '',
			first_name: '',
			last_name: '',
			title: '',
			department: '',
			emails: [],
			phones: [],
			addresses: [],
			birthday: null,
			lead_source: '',
			notes: '',
			tags: [],
			account_id: null
		});
	});

	it('round-trips a saved contact without changes', () => {
		const d = draftFromContact(saved);
		expect(d.phones).toHaveLength(1); // a blank row to type into
		const input = prepareInput(d).input;
		expect(input).toEqual(contactToInput(saved));
		expect(changedFields(contactToInput(saved), input)).toEqual({});
	});

	it('edits tags as comma-separated text', () => {
		const d = draftFromContact(saved);
		expect(d.tags).toBe('vip, fair 2026');
		d.tags = ' vip ,, partner,';
		expect(changedFields(contactToInput(saved), prepareInput(d).input)).toEqual({
			tags: ['vip', 'partner']
		});
	});

	it('sends only the changed fields', () => {
		const d = draftFromContact(saved);
		d.title = 'CEO';
		d.emails[1]!.value = 'anna@private.example';
		d.birthday = '';
		const changes = changedFields(contactToInput(saved), prepareInput(d).input);
		expect(changes).toEqual({
			title: 'CEO',
			emails: [
				{ value: 'anna@example.com', label: 'work', primary: true },
				{ value: 'anna@private.example', label: 'home', primary: false }
			],
			birthday: null
		});
	});

	it('leaves unfilled rows out and maps the core field paths back to the form rows', () => {
		const d = emptyDraft();
		d.last_name = 'Ng';
		addItem(d.emails);
		d.emails[1]!.value = 'not-an-email';
		d.addresses.push(newAddress(), newAddress());
		d.addresses[1]!.city = 'Kyiv';
		const prepared = prepareInput(d);
		expect(prepared.input.emails).toEqual([{ value: 'not-an-email', label: '', primary: false }]);
		expect(prepared.emailRows).toEqual([1]);
		expect(prepared.input.addresses).toHaveLength(1);
		expect(formFieldKey('emails[0]', prepared)).toBe('emails-1');
		expect(formFieldKey('addresses[0].postal_code', prepared)).toBe('addresses-1-postal_code');
		expect(formFieldKey('last_name', prepared)).toBe('last_name');
		expect(formFieldKey('phones[3]', prepared)).toBe('phones-3');
	});

	it('places a core error on the form control it names', () => {
		const d = draftFromContact(saved);
		const prepared = prepareInput(d);
		const error = {
			code: 'validation' as const,
			message: 'Not an email address',
			field: 'emails[1]'
		};
		const shown = new Set(['emails-0', 'emails-1', 'last_name']);
		const placed = placeError({ ...error, field: formFieldKey(error.field, prepared) }, (k) =>
			shown.has(k)
		);
		expect(placed.fields).toEqual({ 'emails-1': 'Not an email address' });
		expect(placed.focus).toBe('emails-1');
	});

	it('keeps one primary row per list', () => {
		const d = draftFromContact(saved);
		setPrimary(d.emails, 1);
		expect(d.emails.map((e) => e.primary)).toEqual([false, true]);
		removeItem(d.emails, 1);
		expect(d.emails.map((e) => e.primary)).toEqual([true]);
		removeItem(d.emails, 0);
		expect(d.emails).toEqual([]);
		expect(addItem(d.emails).primary).toBe(true);
		expect(addItem(d.emails).primary).toBe(false);
	});

	it('gives every row its own key', () => {
		const d = draftFromContact(saved);
		const keys = [...d.emails, ...d.phones, ...d.addresses].map((r) => r.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

import type { Duplicate } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import { contactHits, duplicateQuery, duplicateQueryKey } from './duplicates';
import { emptyDraft, prepareInput } from './form';

function input(fill: (d: ReturnType<typeof emptyDraft>) => void) {
	const d = emptyDraft();
	fill(d);
	return prepareInput(d).input;
}

describe('duplicates of a new contact', () => {
	it('waits for a last name with an e-mail, a phone or a first name', () => {
		expect(duplicateQuery(input(() => {}))).toBeNull();
		expect(duplicateQuery(input((d) => (d.last_name = 'Novak')))).toBeNull();
		expect(
			duplicateQuery(
				input((d) => {
					d.first_name = 'Anna';
					d.emails[0]!.value = 'anna@example.com';
				})
			)
		).toBeNull();
		expect(
			duplicateQuery(
				input((d) => {
					d.last_name = '  ';
					d.first_name = 'Anna';
				})
			)
		).toBeNull();
		expect(
			duplicateQuery(
				input((d) => {
					d.last_name = 'Novak';
					d.first_name = 'Anna';
				})
			)
		).not.toBeNull();
		expect(
			duplicateQuery(
				input((d) => {
					d.last_name = 'Novak';
					d.phones[0]!.value = '+43 1 234';
				})
			)
		).not.toBeNull();
	});

	it('sends the names, e-mails, phones and account of the draft, trimmed', () => {
		const query = duplicateQuery(
			input((d) => {
				d.first_name = ' Anna ';
				d.last_name = 'Novak ';
				d.title = 'CEO';
				d.notes = 'met at the fair';
				d.emails[0]!.value = ' anna@example.com';
				d.emails[0]!.label = 'work';
				d.account_id = '0190-acc';
			})
		);
		expect(query).toEqual({
			contact: {
				account_id: '0190-acc',
				salutation: '',
				first_name: 'Anna',
				last_name: 'Novak',
				title: '',
				department: '',
				emails: [{ value: 'anna@example.com', label: '', primary: true }],
				phones: [],
				addresses: [],
				birthday: null,
				lead_source: '',
				notes: '',
				tags: []
			}
		});
	});

	it('asks again only when a compared field changes', () => {
		const base = (d: ReturnType<typeof emptyDraft>) => {
			d.first_name = 'Anna';
			d.last_name = 'Novak';
		};
		const key = duplicateQueryKey(duplicateQuery(input(base)));
		const withNotes = input((d) => {
			base(d);
			d.notes = 'a note';
			d.department = 'Sales';
		});
		expect(duplicateQueryKey(duplicateQuery(withNotes))).toBe(key);
		const withEmail = input((d) => {
			base(d);
			d.emails[0]!.value = 'anna@example.com';
		});
		expect(duplicateQueryKey(duplicateQuery(withEmail))).not.toBe(key);
		expect(duplicateQueryKey(null)).toBe('');
	});

	it('lists only contacts', () => {
		const hit = (record_type: string, id: string): Duplicate => ({
			record_type,
			id,
			name: id,
			score: 90,
			reasons: ['same e-mail']
		});
		expect(contactHits([hit('contact', 'a'), hit('account', 'b')]).map((h) => h.id)).toEqual(['a']);
	});
});

import { DEFAULT_CONTACT_QUERY } from '$lib/contacts/list';
import { describe, expect, it } from 'vitest';
import { exportArgs } from './export';

describe('export arguments', () => {
	it('exports the list on screen with its filter and sort', () => {
		const args = exportArgs(
			'/tmp/contacts.csv',
			{ ...DEFAULT_CONTACT_QUERY, q: ' müller ', sort: 'city', desc: true },
			';',
			true
		);
		expect(args).toMatchObject({ path: '/tmp/contacts.csv', delimiter: ';', bom: true });
		expect(args.query).toMatchObject({ q: 'müller', sort: 'city', desc: true, after: null });
	});
});

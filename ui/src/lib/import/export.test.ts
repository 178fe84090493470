import { DEFAULT_CONTACT_QUERY } from '$lib/contacts/list';
import { describe, expect, it } from 'vitest';
import { exportArgs, exportFileName } from './export';

describe('export arguments', () => {
	it('exports the list on screen with its filter and sort', () => {
		const args = exportArgs(
			'/tmp/contacts.csv',
			{ ...DEFAULT_CONTACT_QUERY, q: ' müller ', sort: 'city', desc: true },
			'csv',
			';',
			true
		);
		expect(args).toMatchObject({
			path: '/tmp/contacts.csv',
			format: 'csv',
			delimiter: ';',
			bom: true
		});
		expect(args.query).toMatchObject({ q: 'müller', sort: 'city', desc: true, after: null });
	});

	it('sends the delimiter and byte-order mark for CSV only', () => {
		const args = exportArgs('/tmp/c.xlsx', DEFAULT_CONTACT_QUERY, 'xlsx', ';', true);
		expect(args).toMatchObject({ format: 'xlsx', delimiter: null, bom: false });
	});

	it('offers a file name with the format as its extension', () => {
		expect(exportFileName('vcf')).toBe('contacts.vcf');
	});
});

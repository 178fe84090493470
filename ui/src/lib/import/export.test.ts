import { DEFAULT_CONTACT_QUERY, listArgs } from '$lib/contacts/list';
import { describe, expect, it } from 'vitest';
import { exportArgs, exportFileName, exportFormats } from './export';

describe('export arguments', () => {
	it('exports the list on screen with its filter and sort', () => {
		const query = listArgs(
			{ ...DEFAULT_CONTACT_QUERY, q: ' müller ', sort: 'city', desc: true },
			null,
			1000
		);
		const args = exportArgs('/tmp/contacts.csv', 'contact', query, 'csv', ';', true);
		expect(args).toMatchObject({
			path: '/tmp/contacts.csv',
			target: 'contact',
			format: 'csv',
			delimiter: ';',
			bom: true
		});
		expect(args.query).toMatchObject({ q: 'müller', sort: 'city', desc: true, after: null });
	});

	it('sends the delimiter and byte-order mark for CSV only', () => {
		const args = exportArgs('/tmp/c.xlsx', 'account', { q: '' } as never, 'xlsx', ';', true);
		expect(args).toMatchObject({ format: 'xlsx', delimiter: null, bom: false });
	});

	it('offers vCard for contacts only, and a file name after the list', () => {
		expect(exportFormats('contact')).toContain('vcf');
		expect(exportFormats('lead')).toEqual(['csv', 'xlsx']);
		expect(exportFileName('contact', 'vcf')).toBe('contacts.vcf');
		expect(exportFileName('account', 'xlsx')).toBe('accounts.xlsx');
	});
});

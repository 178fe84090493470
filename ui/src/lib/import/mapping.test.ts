import type { ColumnMapping, ImportField, ImportFields } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	chooseTarget,
	choicesForHeaders,
	clashingColumns,
	fieldLabel,
	groupOf,
	mappingArg,
	mappingOf,
	missingRequired,
	parseTarget,
	requiredLabel,
	sameMapping,
	targetGroups,
	targetLabel,
	targetText
} from './mapping';
import { DEFAULT_IMPORT_OPTIONS, fileName, importArgs, matchKeyLabel, withTarget } from './options';

function field(
	name: ImportField['field'],
	group: ImportField['group'],
	label: string,
	targets: string[] = [name],
	extra: Partial<ImportField> = {}
): ImportField {
	return { field: name, label, group, required: false, several: false, targets, ...extra };
}

/** What import_fields gives for contacts (a part of it). */
const CONTACT_FIELDS: ImportFields = {
	target: 'contact',
	fields: [
		field('first_name', 'person', 'First name'),
		field('last_name', 'person', 'Last name'),
		field('company', 'company', 'Company'),
		field('email', 'email', 'Email', ['email', 'email:2', 'email:3'], { several: true }),
		field(
			'phone',
			'phone',
			'Phone',
			['phone', 'phone:mobile', 'phone:work', 'phone:home', 'phone:fax', 'phone:other'],
			{ several: true }
		),
		field('street', 'address', 'Street', ['street', 'street:work', 'street:home'], {
			several: true
		}),
		field('postal_code', 'address', 'Postal code', ['postal_code'], { several: true }),
		field('notes', 'more', 'Notes'),
		field('external_id', 'more', 'External ID')
	],
	required: [
		{
			fields: ['first_name', 'last_name', 'full_name', 'company', 'email'],
			message: 'No column holds a name or an e-mail address'
		}
	],
	match_keys: ['email', 'phone', 'name_company', 'external_id', 'none']
};

/** What import_fields gives for products. */
const PRODUCT_FIELDS: ImportFields = {
	target: 'product',
	fields: [
		field('code', 'product', 'Code', ['code'], { required: true }),
		field('name', 'product', 'Name'),
		field('price', 'product', 'Price'),
		field('tax_rate', 'product', 'Tax rate (%)'),
		field('notes', 'product', 'Description'),
		field('external_id', 'more', 'External ID')
	],
	required: [{ fields: ['code'], message: 'No column holds the product code' }],
	match_keys: ['code', 'external_id', 'none']
};

const columns: ColumnMapping[] = [
	{ column: 'First Name', target: 'first_name' },
	{ column: 'E-mail 1 - Value', target: 'email:1' },
	{ column: 'Business Phone 2', target: 'phone:work 2' },
	{ column: 'Connected On', target: 'ignore' }
];

describe('targets', () => {
	it('reads and writes field[:slot]', () => {
		expect(parseTarget('phone:work 2')).toEqual({ field: 'phone', slot: 'work 2' });
		expect(parseTarget('first_name')).toEqual({ field: 'first_name', slot: '' });
		expect(parseTarget(null)).toEqual({ field: 'ignore', slot: '' });
		expect(parseTarget('')).toEqual({ field: 'ignore', slot: '' });
		expect(targetText({ field: 'email', slot: '1' })).toBe('email:1');
		expect(targetText({ field: 'city', slot: '' })).toBe('city');
	});

	it('offers the core’s targets by group and adds the ones the file already has', () => {
		const groups = targetGroups(
			CONTACT_FIELDS,
			columns.map((c) => c.target)
		);
		const email = groups.find((g) => g.group === 'email')!;
		const phone = groups.find((g) => g.group === 'phone')!;
		expect(email.targets).toEqual(['email', 'email:2', 'email:3', 'email:1']);
		expect(phone.targets).toContain('phone:work 2');
		expect(groups.find((g) => g.group === 'person')!.targets).toEqual(['first_name', 'last_name']);
		expect(groups[0]).toEqual({ group: 'skip', targets: ['ignore'] });
		expect(groups.map((g) => g.group)).not.toContain('product');
		expect(groupOf(CONTACT_FIELDS, 'postal_code:home')).toBe('address');
		expect(groupOf(CONTACT_FIELDS, 'price')).toBe('skip');
	});

	it('offers a product’s fields for products, and no e-mail', () => {
		const groups = targetGroups(PRODUCT_FIELDS, ['code', 'email:2']);
		expect(groups.map((g) => g.group)).toEqual(['skip', 'product', 'more']);
		expect(groups[1]!.targets).toEqual(['code', 'name', 'price', 'tax_rate', 'notes']);
		expect(groups.flatMap((g) => g.targets)).not.toContain('email:2');
	});

	it('names targets with their slot, in the app’s words where it has them', () => {
		expect(targetLabel(CONTACT_FIELDS, 'first_name')).toBe('First name');
		expect(targetLabel(CONTACT_FIELDS, 'phone:mobile')).toBe('Phone (mobile)');
		expect(targetLabel(CONTACT_FIELDS, 'phone:work 2')).toBe('Phone (work 2)');
		expect(targetLabel(CONTACT_FIELDS, 'email:2')).toBe('Email (2)');
		expect(targetLabel(CONTACT_FIELDS, 'ignore')).toBe('Don’t import');
		expect(targetLabel(CONTACT_FIELDS, 'notes')).toBe('Notes');
		expect(targetLabel(PRODUCT_FIELDS, 'notes')).toBe('Description');
		expect(targetLabel(PRODUCT_FIELDS, 'tax_rate')).toBe('Tax rate (%)');
		const account: ImportFields = {
			...CONTACT_FIELDS,
			target: 'account',
			fields: [field('street', 'address', 'Street', ['street:billing'])]
		};
		expect(targetLabel(account, 'company')).toBe('Account name');
		expect(targetLabel(account, 'street:billing')).toBe('Street (billing)');
		const unknown: ImportFields = {
			...PRODUCT_FIELDS,
			fields: [field('unit', 'product', 'Unit of sale')]
		};
		expect(fieldLabel(unknown, 'unit')).toBe('Unit');
		expect(fieldLabel(unknown, 'brand_new')).toBe('brand_new');
	});

	it('finds the required fields no column is mapped to', () => {
		const products: ColumnMapping[] = [
			{ column: 'Nr.', target: 'ignore' },
			{ column: 'Bezeichnung', target: 'name' }
		];
		const missing = missingRequired(PRODUCT_FIELDS, products);
		expect(missing.map((r) => r.fields)).toEqual([['code']]);
		expect(requiredLabel(PRODUCT_FIELDS, missing[0]!)).toBe('Code');
		expect(
			missingRequired(PRODUCT_FIELDS, [...products, { column: 'Nr.', target: 'code' }])
		).toEqual([]);
		expect(missingRequired(CONTACT_FIELDS, columns)).toEqual([]);
		const none = missingRequired(CONTACT_FIELDS, [{ column: 'Ort', target: 'city' }]);
		expect(requiredLabel(CONTACT_FIELDS, none[0]!)).toBe(
			'First name, Last name, Full name, Company or Email'
		);
	});
});

describe('mapping choices', () => {
	it('records the user’s choices, ignore as null', () => {
		let choices = chooseTarget({}, 'Col A', 'phone:mobile');
		choices = chooseTarget(choices, 'Col B', 'ignore');
		expect(choices).toEqual({ 'Col A': 'phone:mobile', 'Col B': null });
		expect(mappingArg(choices)).toEqual(choices);
		expect(mappingArg({})).toBeNull();
	});

	it('turns a report’s columns into a full mapping', () => {
		expect(mappingOf(columns)).toEqual({
			'First Name': 'first_name',
			'E-mail 1 - Value': 'email:1',
			'Business Phone 2': 'phone:work 2',
			'Connected On': null
		});
	});

	it('compares mappings header by header', () => {
		expect(sameMapping({ a: 'email', b: null }, { b: null, a: 'email' })).toBe(true);
		expect(sameMapping({ a: 'email' }, { a: 'email', b: null })).toBe(true);
		expect(sameMapping({ a: 'email' }, { a: 'phone' })).toBe(false);
	});

	it('keeps only choices for the file’s headers', () => {
		expect(choicesForHeaders({ a: 'email', z: 'city' }, ['a', 'b'])).toEqual({ a: 'email' });
	});

	it('finds columns that fill the same one-value field', () => {
		const clash = clashingColumns(CONTACT_FIELDS, [
			{ column: 'Vorname', target: 'first_name' },
			{ column: 'Given', target: 'first_name' },
			{ column: 'Mail 1', target: 'email' },
			{ column: 'Mail 2', target: 'email' },
			{ column: 'Street 1', target: 'street:work' },
			{ column: 'Street 2', target: 'street:work' },
			{ column: 'x', target: 'ignore' },
			{ column: 'y', target: 'ignore' }
		]);
		expect([...clash].sort()).toEqual(['Given', 'Vorname']);
	});
});

describe('import arguments', () => {
	it('sends only what the user set, and a preview for rehearsals', () => {
		const options = { ...DEFAULT_IMPORT_OPTIONS, path: '/tmp/list.csv', delimiter: 'tab' };
		expect(importArgs(options, {}, null, true)).toEqual({
			path: '/tmp/list.csv',
			target: 'contact',
			encoding: null,
			delimiter: 'tab',
			sheet: null,
			preset: null,
			mapping: null,
			match_on: 'email',
			on_match: 'skip',
			date_format: null,
			dry_run: true,
			preview_rows: 20
		});
		const run = importArgs(
			{ ...options, preset: 'linkedin', encoding: 'windows-1251', sheet: ' Kontakte ' },
			{ Position: 'title' },
			' %d.%m.%Y ',
			false
		);
		expect(run).toMatchObject({
			preset: 'linkedin',
			encoding: 'windows-1251',
			sheet: 'Kontakte',
			mapping: { Position: 'title' },
			date_format: '%d.%m.%Y',
			dry_run: false,
			preview_rows: 0
		});
	});

	it('takes the match keys of another target', () => {
		const products = withTarget(DEFAULT_IMPORT_OPTIONS, 'product', PRODUCT_FIELDS);
		expect([products.target, products.match_on]).toEqual(['product', 'code']);
		expect(importArgs({ ...products, path: 'p.csv' }, {}, null, false).target).toBe('product');
		const byId = withTarget({ ...products, match_on: 'external_id' }, 'contact', CONTACT_FIELDS);
		expect(byId.match_on).toBe('external_id'); // a key both targets have is kept
		expect(matchKeyLabel('account', 'name_company')).toBe('import.matchOn.account.name_company');
		expect(matchKeyLabel('lead', 'name_company')).toBe('import.matchOn.name_company');
	});

	it('shows the file name of a path', () => {
		expect(fileName('/home/ana/Connections.csv')).toBe('Connections.csv');
		expect(fileName('C:\\Users\\ana\\contacts.csv')).toBe('contacts.csv');
	});
});

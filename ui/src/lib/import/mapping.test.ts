import type { ColumnMapping } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	STANDARD_TARGETS,
	chooseTarget,
	choicesForHeaders,
	clashingColumns,
	groupOf,
	mappingArg,
	mappingOf,
	parseTarget,
	sameMapping,
	targetGroups,
	targetLabel,
	targetText
} from './mapping';
import { DEFAULT_IMPORT_OPTIONS, fileName, importArgs } from './options';

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
		expect(parseTarget('shoe_size')).toEqual({ field: 'ignore', slot: '' });
		expect(targetText({ field: 'email', slot: '1' })).toBe('email:1');
		expect(targetText({ field: 'city', slot: '' })).toBe('city');
	});

	it('groups the targets and adds the ones the file already has', () => {
		const groups = targetGroups(columns.map((c) => c.target));
		const email = groups.find((g) => g.group === 'email')!;
		const phone = groups.find((g) => g.group === 'phone')!;
		expect(email.targets).toEqual([...STANDARD_TARGETS.email, 'email:1']);
		expect(phone.targets).toContain('phone:work 2');
		expect(groups.find((g) => g.group === 'person')!.targets).not.toContain('email:1');
		expect(groups[0]).toEqual({ group: 'skip', targets: ['ignore'] });
		expect(groupOf('postal_code:home')).toBe('address');
	});

	it('names targets with their slot', () => {
		expect(targetLabel('first_name')).toBe('First name');
		expect(targetLabel('phone:mobile')).toBe('Phone (mobile)');
		expect(targetLabel('phone:work 2')).toBe('Phone (work 2)');
		expect(targetLabel('email:2')).toBe('Email (2)');
		expect(targetLabel('ignore')).toBe('Don’t import');
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
		const clash = clashingColumns([
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

	it('shows the file name of a path', () => {
		expect(fileName('/home/ana/Connections.csv')).toBe('Connections.csv');
		expect(fileName('C:\\Users\\ana\\contacts.csv')).toBe('contacts.csv');
	});
});

import type { AccountInput, LeadInput, LeadStatus, ProductInput } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import { previewTable } from './preview';

const product: ProductInput = {
	code: '00815',
	name: 'Büroklammern',
	kind: 'product',
	unit: 'Pkg.',
	description: '',
	active: false,
	tax_rate: '0.19',
	default_price: '1234.50',
	currency: 'EUR',
	tags: []
};

describe('preview of accounts, leads and products', () => {
	it('shows a product’s price and rate as the core gave them, formatted', () => {
		const table = previewTable('product', [product], 'de-DE');
		expect(table.headers).toEqual([
			'import.preview.code',
			'import.preview.name',
			'import.preview.unit',
			'import.preview.price',
			'import.preview.taxRate',
			'import.preview.active'
		]);
		const [code, name, unit, price, rate, active] = table.rows[0]!;
		expect([code, name, unit, active]).toEqual(['00815', 'Büroklammern', 'Pkg.', 'No']);
		expect(price!.replace(/\s/g, ' ')).toBe('1.234,50 €');
		expect(rate!.replace(/\s/g, ' ')).toBe('19 %');
		const free = previewTable('product', [{ ...product, default_price: null }], 'en-US');
		expect(free.rows[0]![3]).toBe('');
	});

	it('shows an account’s type and a lead’s status and source in words', () => {
		const account: AccountInput = {
			name: 'Nordwind GmbH',
			account_type: 'customer',
			parent_id: null,
			industry: '',
			website: '',
			emails: [{ value: 'info@nordwind.example', label: '', primary: true }],
			phones: [],
			billing_address: {
				label: '',
				street: '',
				city: 'Hamburg',
				region: '',
				postal_code: '',
				country: ''
			},
			shipping_address: null,
			tax_id: '',
			annual_revenue: null,
			employees: null,
			rating: null,
			description: '',
			tags: ['key']
		};
		expect(previewTable('account', [account], 'en-US').rows).toEqual([
			['Nordwind GmbH', 'Customer', 'info@nordwind.example', '', 'Hamburg', 'key']
		]);
		const lead: LeadInput & { status: LeadStatus } = {
			salutation: '',
			first_name: 'Олена',
			last_name: 'Шевченко',
			title: '',
			company: 'Київ Софт',
			industry: '',
			website: '',
			emails: [],
			phones: [{ value: '+380 44 123 4567', label: 'mobile', primary: true }],
			address: null,
			source: 'trade_show',
			rating: null,
			description: '',
			answers: {},
			tags: [],
			status: 'qualified'
		};
		expect(previewTable('lead', [lead], 'en-US').rows).toEqual([
			['Олена Шевченко', 'Київ Софт', '', '+380 44 123 4567', 'Qualified', 'Trade show']
		]);
	});
});

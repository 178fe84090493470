import type { ConversionPreview, Lead, LeadSettings } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	CREATE_NEW,
	afterConversion,
	conversionArgs,
	defaultCloseDate,
	initialConvertForm
} from './convert';
import {
	changedFields,
	draftFromLead,
	emptyLeadDraft,
	leadFieldKey,
	leadFormKeys,
	leadToInput,
	prepareLead,
	setAnswer
} from './form';
import {
	DEFAULT_LEAD_QUERY,
	currentFilter,
	filterByStatus,
	leadFilterFields,
	leadListArgs
} from './list';
import {
	addQuestion,
	draftFromSettings,
	moveQuestion,
	prepareSettings,
	setRequired,
	settingsChanges,
	settingsKeyShown
} from './settings';
import { STATUS_FILTERS, asksReason, isReadOnly, nextStatuses, offersConversion } from './status';

const lead: Lead = {
	id: 'lead-1',
	created_at: '2026-01-02T03:04:05Z',
	updated_at: '2026-01-02T03:04:05Z',
	deleted_at: null,
	owner_id: null,
	display_name: 'Anna Weber',
	status: 'new',
	disqualified_reason: '',
	score: 28,
	score_reasons: [{ reason: 'Is there a budget for this purchase? Yes, approved', points: 25 }],
	converted_at: null,
	converted_account_id: null,
	converted_contact_id: null,
	converted_opportunity_id: null,
	salutation: '',
	first_name: 'Anna',
	last_name: 'Weber',
	title: 'Buyer',
	company: 'Weber GmbH',
	industry: '',
	website: '',
	emails: [{ value: 'anna@weber.de', label: 'work', primary: true }],
	phones: [],
	address: null,
	source: 'web',
	rating: null,
	description: '',
	answers: { budget: 'yes' },
	tags: []
};

describe('lead form', () => {
	it('sends nothing for empty rows and a blank address', () => {
		const draft = emptyLeadDraft();
		draft.last_name = 'Weber';
		const { input, emailRows } = prepareLead(draft);
		expect(input.emails).toEqual([]);
		expect(input.phones).toEqual([]);
		expect(input.address).toBeNull();
		expect(input.rating).toBeNull();
		expect(emailRows).toEqual([]);
	});

	it('shows a saved lead without changes', () => {
		const draft = draftFromLead(lead);
		expect(draft.phones).toHaveLength(1);
		expect(changedFields(leadToInput(lead), prepareLead(draft).input)).toEqual({});
	});

	it('sends only the changed fields, answers compared by content', () => {
		const draft = draftFromLead(lead);
		draft.company = 'Weber AG';
		setAnswer(draft, 'timing', 'quarter');
		const changes = changedFields(leadToInput(lead), prepareLead(draft).input);
		expect(changes).toEqual({ company: 'Weber AG', answers: { budget: 'yes', timing: 'quarter' } });
	});

	it('takes an answer back with an empty value', () => {
		const draft = draftFromLead(lead);
		setAnswer(draft, 'budget', '');
		expect(prepareLead(draft).input.answers).toEqual({});
	});

	it('maps the core field paths to form keys', () => {
		const draft = emptyLeadDraft();
		draft.emails[0]!.value = '';
		draft.emails.push({ key: 99, value: 'x@', label: '', primary: false });
		const prepared = prepareLead(draft);
		expect(leadFieldKey('emails[0]', prepared)).toBe('emails-1');
		expect(leadFieldKey('address.city', prepared)).toBe('address-city');
		expect(leadFieldKey('answers.budget', prepared)).toBe('answers-budget');
		const keys = leadFormKeys(draft, ['budget']);
		expect(keys.has('answers-budget')).toBe(true);
		expect(keys.has('emails-1')).toBe(true);
		expect(keys.has('address-postal_code')).toBe(true);
	});
});

describe('lead statuses', () => {
	it('offers the moves of the status machine', () => {
		expect(nextStatuses('new')).toEqual(['contacted', 'qualified', 'disqualified']);
		expect(nextStatuses('disqualified')).toEqual(['new', 'contacted']);
		expect(nextStatuses('converted')).toEqual([]);
		expect(asksReason('disqualified')).toBe(true);
		expect(asksReason('qualified')).toBe(false);
	});

	it('keeps converted and deleted leads read-only and unconvertible', () => {
		expect(isReadOnly({ status: 'converted', deleted_at: null })).toBe(true);
		expect(isReadOnly({ status: 'new', deleted_at: '2026-01-01T00:00:00Z' })).toBe(true);
		expect(isReadOnly({ status: 'qualified', deleted_at: null })).toBe(false);
		expect(offersConversion({ status: 'qualified', deleted_at: null })).toBe(true);
		expect(offersConversion({ status: 'converted', deleted_at: null })).toBe(false);
		expect(offersConversion({ status: 'disqualified', deleted_at: null })).toBe(false);
	});

	it('has an "all" chip first', () => {
		expect(STATUS_FILTERS[0]).toBe('all');
		expect(STATUS_FILTERS).toContain('converted');
	});
});

describe('leads list query', () => {
	it('filters by status and sorts', () => {
		const q = filterByStatus(DEFAULT_LEAD_QUERY, 'qualified');
		expect(currentFilter(q)).toBe('qualified');
		expect(currentFilter(filterByStatus(q, 'all'))).toBe('all');
		expect(leadListArgs({ ...q, q: ' anna ' }, 'c1', 50)).toEqual({
			sort: 'name',
			desc: false,
			after: 'c1',
			limit: 50,
			q: 'anna',
			status: 'qualified'
		});
		expect(leadListArgs({ ...q, starts_with: 'M', tag: 'fair' }, null, 50)).toMatchObject({
			starts_with: 'M',
			tag: 'fair',
			status: 'qualified'
		});
	});

	it('filters the source and rating by their values', () => {
		const source = leadFilterFields().find((f) => f.id === 'source');
		expect(source?.kind).toBe('choice');
		expect(source?.choices?.map((c) => c.value)).toContain('trade_show');
	});
});

describe('conversion', () => {
	const preview: ConversionPreview = {
		lead,
		accounts: [{ id: 'acc-1', name: 'Weber GmbH', matched_by: 'company name' }],
		contacts: []
	};

	it('offers the matching account and a new contact, opportunity prefilled', () => {
		const form = initialConvertForm(preview, new Date(2026, 0, 15));
		expect(form.account).toBe('acc-1');
		expect(form.contact).toBe(CREATE_NEW);
		expect(form.opportunityName).toBe('Weber GmbH');
		expect(form.closeDate).toBe('2026-04-15');
		expect(form.createOpportunity).toBe(true);
	});

	it('counts the close date in calendar days', () => {
		expect(defaultCloseDate(new Date(2026, 11, 1))).toBe('2027-03-01');
	});

	it('builds the lead_convert arguments with an exact amount', () => {
		const form = { ...initialConvertForm(preview, new Date(2026, 0, 15)), amount: '12.500,50' };
		const result = conversionArgs('lead-1', form, 'de-DE');
		expect(result).toEqual({
			ok: true,
			args: {
				id: 'lead-1',
				account_id: 'acc-1',
				contact_id: null,
				no_opportunity: false,
				opportunity_name: 'Weber GmbH',
				amount: '12500.50',
				close_date: '2026-04-15'
			}
		});
	});

	it('refuses an amount that is not a number and leaves out the opportunity on request', () => {
		const form = initialConvertForm(preview, new Date(2026, 0, 15));
		expect(conversionArgs('lead-1', { ...form, amount: '12 apples' }, 'en-US').ok).toBe(false);
		const none = conversionArgs('lead-1', { ...form, createOpportunity: false, amount: 'x' }, 'en');
		expect(none.ok && none.args.no_opportunity).toBe(true);
		expect(none.ok && none.args.amount).toBeNull();
	});

	it('lands on the opportunity, else on the contact', () => {
		expect(afterConversion({ contact: { id: 'c' }, opportunity: { id: 'o' } })).toEqual({
			kind: 'opportunity',
			id: 'o'
		});
		expect(afterConversion({ contact: { id: 'c' }, opportunity: null })).toEqual({
			kind: 'contact',
			id: 'c'
		});
	});
});

describe('lead settings', () => {
	const settings: LeadSettings = {
		required_fields: ['last_name', 'company'],
		questions: [
			{
				id: 'budget',
				text: 'Budget?',
				answers: [
					{ value: 'yes', label: 'Yes', points: 25 },
					{ value: 'no', label: 'No', points: 0 }
				]
			},
			{ id: 'need', text: 'Need?', answers: [{ value: 'high', label: 'High', points: 25 }] }
		]
	};

	it('round-trips without changes', () => {
		const prepared = prepareSettings(draftFromSettings(settings));
		expect(prepared.ok && settingsChanges(settings, prepared.settings)).toEqual({});
	});

	it('sends the required fields and the reordered questions', () => {
		const draft = draftFromSettings(settings);
		setRequired(draft, 'emails', true);
		setRequired(draft, 'company', false);
		expect(moveQuestion(draft, 1, -1)).toBe(true);
		expect(moveQuestion(draft, 0, -1)).toBe(false);
		const prepared = prepareSettings(draft);
		expect(prepared.ok).toBe(true);
		if (!prepared.ok) return;
		const changes = settingsChanges(settings, prepared.settings);
		expect(changes.required_fields).toEqual(['last_name', 'emails']);
		expect(changes.questions?.map((q) => q.id)).toEqual(['need', 'budget']);
	});

	it('reports points that are not whole numbers by their input', () => {
		const draft = draftFromSettings(settings);
		const q = addQuestion(draft);
		q.id = 'timing';
		q.text = 'When?';
		q.answers[0]!.points = '2.5';
		const prepared = prepareSettings(draft);
		expect(prepared).toEqual({ ok: false, errors: { 'questions-2-answers-0-points': 'points' } });
	});

	it('knows where the core errors go', () => {
		expect(settingsKeyShown('questions-1', 2)).toBe(true);
		expect(settingsKeyShown('questions-5', 2)).toBe(false);
		expect(settingsKeyShown('required_fields', 0)).toBe(true);
	});
});

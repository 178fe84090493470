// The conversion dialog's model: what the user picks (new or existing account and contact, the
// opportunity and its amount) and the one lead_convert call it becomes.
import type { ConversionPreview, LeadConversion } from '$lib/bindings';
import { parseAmount } from '$lib/opportunities/money';

/** Pick for the account or the contact: create a new one, or the id of an existing match. */
export const CREATE_NEW = 'new';

export interface ConvertForm {
	account: string;
	contact: string;
	createOpportunity: boolean;
	opportunityName: string;
	/** As typed, in the user's locale. */
	amount: string;
	/** YYYY-MM-DD, or '' for none. */
	closeDate: string;
}

/**
 * The dialog's starting values: an existing account or contact the lead matches is offered
 * first (so conversion does not make a duplicate); otherwise new ones. The opportunity is on,
 * named after the company (or the person), and expected to close DEFAULT_CLOSE_DAYS from today.
 */
export function initialConvertForm(preview: ConversionPreview, today: Date): ConvertForm {
	const lead = preview.lead;
	return {
		account: preview.accounts[0]?.id ?? CREATE_NEW,
		contact: preview.contacts[0]?.id ?? CREATE_NEW,
		createOpportunity: true,
		opportunityName: lead.company.trim() || lead.display_name,
		amount: '',
		closeDate: defaultCloseDate(today)
	};
}

/** Days from today to the expected close date a new deal starts with. */
export const DEFAULT_CLOSE_DAYS = 90;

/** The local calendar date DEFAULT_CLOSE_DAYS after `today`, as YYYY-MM-DD. */
export function defaultCloseDate(today: Date): string {
	const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + DEFAULT_CLOSE_DAYS);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type ConversionArgs =
	{ ok: true; args: LeadConversion } | { ok: false; field: 'amount'; reason: 'not_a_number' };

/** The arguments of lead_convert for the form; the amount is read in `locale`. */
export function conversionArgs(leadId: string, form: ConvertForm, locale: string): ConversionArgs {
	const args: LeadConversion = {
		id: leadId,
		account_id: form.account === CREATE_NEW ? null : form.account,
		contact_id: form.contact === CREATE_NEW ? null : form.contact,
		no_opportunity: !form.createOpportunity,
		opportunity_name: '',
		amount: null,
		close_date: null
	};
	if (form.createOpportunity) {
		const amount = parseAmount(form.amount, locale);
		if (!amount.ok) return { ok: false, field: 'amount', reason: 'not_a_number' };
		args.opportunity_name = form.opportunityName.trim();
		args.amount = amount.value;
		args.close_date = form.closeDate === '' ? null : form.closeDate;
	}
	return { ok: true, args };
}

/** Where to go after converting: the new opportunity, else the contact. */
export function afterConversion(result: {
	contact: { id: string };
	opportunity: { id: string } | null;
}): { kind: 'opportunity' | 'contact'; id: string } {
	return result.opportunity
		? { kind: 'opportunity', id: result.opportunity.id }
		: { kind: 'contact', id: result.contact.id };
}

// Lead statuses as the screens show them: the filter chips, the status buttons a lead offers and
// whether a status needs a reason. The core decides every change; these only pick what to offer.
import type { Lead, LeadSource, LeadStatus, Rating } from '$lib/bindings';

export const LEAD_STATUSES: readonly LeadStatus[] = [
	'new',
	'contacted',
	'qualified',
	'disqualified',
	'converted'
];

/** The status filter chips of the list, "all" first. */
export type StatusFilter = LeadStatus | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...LEAD_STATUSES];

export const LEAD_SOURCES: readonly LeadSource[] = [
	'web',
	'phone',
	'email',
	'campaign',
	'partner',
	'trade_show',
	'referral',
	'import',
	'other'
];

export const RATINGS: readonly Rating[] = ['hot', 'warm', 'cold'];

/** The statuses a lead may be moved to by hand (conversion has its own dialog). */
const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
	new: ['contacted', 'qualified', 'disqualified'],
	contacted: ['qualified', 'disqualified'],
	qualified: ['contacted', 'disqualified'],
	disqualified: ['new', 'contacted'],
	converted: []
};

/** The status buttons to show for a lead in `status`. */
export function nextStatuses(status: LeadStatus): readonly LeadStatus[] {
	return NEXT[status] ?? [];
}

/** Moving to this status asks for a reason first. */
export function asksReason(status: LeadStatus): boolean {
	return status === 'disqualified';
}

type LeadState = Pick<Lead, 'status' | 'deleted_at'>;

/** A converted (or deleted) lead is shown read-only. */
export function isReadOnly(lead: LeadState): boolean {
	return lead.status === 'converted' || lead.deleted_at !== null;
}

/** Whether to offer the Convert button. */
export function offersConversion(lead: LeadState): boolean {
	return lead.deleted_at === null && lead.status !== 'converted' && lead.status !== 'disqualified';
}

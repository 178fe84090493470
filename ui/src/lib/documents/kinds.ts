// The kinds of sales document one form edits: how each is read, created, changed and moved
// through its statuses, which of its own fields the form offers, and which document it leads to
// next (quote → order or invoice, order → invoice). The core decides every step; these only say
// what to offer.
import { call } from '$lib/api';
import type { Invoice, InvoiceInput, OrderInput, QuoteInput } from '$lib/bindings';
import type { MessageKey } from '$lib/i18n';
import type { DocumentInput, DocumentRecord } from './form';

export type DocumentKindName = 'quote' | 'order' | 'invoice';
/** The list (route, change counter and message prefix) of a kind. */
export type DocumentList = 'quotes' | 'orders' | 'invoices';

export interface StatusStep {
	status: string;
	label: MessageKey;
}

/** A document made from this one, opened when it is created. */
export interface FollowUp {
	kind: DocumentKindName;
	label: MessageKey;
	make: (id: string) => Promise<DocumentRecord>;
}

export interface DocumentKind {
	name: DocumentKindName;
	list: DocumentList;
	/** The record type `document_pdf` prints. */
	pdfType: 'quote' | 'sales_order' | 'invoice';
	/** The kind's own input fields, kept from the stored document. */
	extraKeys: readonly string[];
	/** The link fields shown (to the documents and deal it came from). */
	links: readonly ('opportunity_id' | 'quote_id' | 'order_id')[];
	get: (id: string) => Promise<DocumentRecord>;
	create: (input: DocumentInput) => Promise<DocumentRecord>;
	update: (id: string, changes: Partial<DocumentInput>) => Promise<DocumentRecord>;
	remove: (id: string) => Promise<unknown>;
	restore: (id: string) => Promise<DocumentRecord>;
	move: (id: string, status: string) => Promise<DocumentRecord>;
	/** The status steps offered from a status. */
	steps: (status: string) => readonly StatusStep[];
	followUps: (status: string) => readonly FollowUp[];
	/** Documents that get versions (quotes): from which statuses, and how a new one is made. */
	versions?: {
		revisable: (status: string) => boolean;
		revise: (id: string) => Promise<DocumentRecord>;
	};
}

const asRecord = (doc: unknown) => doc as DocumentRecord;

export const QUOTE: DocumentKind = {
	name: 'quote',
	list: 'quotes',
	pdfType: 'quote',
	extraKeys: ['opportunity_id', 'valid_until'],
	links: ['opportunity_id'],
	get: (id) => call('quote_get', { id }).then(asRecord),
	create: (input) => call('quote_create', input as unknown as QuoteInput).then(asRecord),
	update: (id, changes) =>
		call('quote_update', { id, changes: changes as Partial<QuoteInput> }).then(asRecord),
	remove: (id) => call('quote_delete', { id }),
	restore: (id) => call('quote_restore', { id }).then(asRecord),
	move: (id, status) => call('quote_set_status', { id, status: status as 'sent' }).then(asRecord),
	steps: (status) =>
		status === 'draft'
			? [{ status: 'sent', label: 'quotes.action.sent' }]
			: status === 'sent'
				? [
						{ status: 'accepted', label: 'quotes.action.accepted' },
						{ status: 'rejected', label: 'quotes.action.rejected' },
						{ status: 'expired', label: 'quotes.action.expired' }
					]
				: [],
	followUps: (status) =>
		status === 'accepted'
			? [
					{
						kind: 'order',
						label: 'quotes.action.makeOrder',
						make: (id) => call('order_from_quote', { quote_id: id }).then(asRecord)
					},
					{
						kind: 'invoice',
						label: 'quotes.action.makeInvoice',
						make: (id) => call('invoice_from_quote', { quote_id: id }).then(asRecord)
					}
				]
			: [],
	versions: {
		revisable: (status) => status === 'sent' || status === 'rejected' || status === 'expired',
		revise: (id) => call('quote_revise', { id }).then(asRecord)
	}
};

export const ORDER: DocumentKind = {
	name: 'order',
	list: 'orders',
	pdfType: 'sales_order',
	extraKeys: ['opportunity_id', 'quote_id'],
	links: ['opportunity_id', 'quote_id'],
	get: (id) => call('order_get', { id }).then(asRecord),
	create: (input) => call('order_create', input as unknown as OrderInput).then(asRecord),
	update: (id, changes) =>
		call('order_update', { id, changes: changes as Partial<OrderInput> }).then(asRecord),
	remove: (id) => call('order_delete', { id }),
	restore: (id) => call('order_restore', { id }).then(asRecord),
	move: (id, status) =>
		call('order_set_status', { id, status: status as 'confirmed' }).then(asRecord),
	steps: (status) =>
		status === 'draft'
			? [
					{ status: 'confirmed', label: 'orders.action.confirmed' },
					{ status: 'cancelled', label: 'orders.action.cancelled' }
				]
			: status === 'confirmed'
				? [
						{ status: 'delivered', label: 'orders.action.delivered' },
						{ status: 'cancelled', label: 'orders.action.cancelled' }
					]
				: [],
	followUps: (status) =>
		status === 'confirmed' || status === 'delivered'
			? [
					{
						kind: 'invoice',
						label: 'orders.action.makeInvoice',
						make: (id) => call('invoice_from_order', { order_id: id }).then(asRecord)
					}
				]
			: []
};

export const INVOICE: DocumentKind = {
	name: 'invoice',
	list: 'invoices',
	pdfType: 'invoice',
	extraKeys: ['quote_id', 'order_id', 'payment_terms_days'],
	links: ['quote_id', 'order_id'],
	get: (id) => call('invoice_get', { id }).then(asRecord),
	create: (input) => call('invoice_create', input as unknown as InvoiceInput).then(asRecord),
	update: (id, changes) =>
		call('invoice_update', { id, changes: changes as Partial<InvoiceInput> }).then(asRecord),
	remove: (id) => call('invoice_delete', { id }),
	restore: (id) => call('invoice_restore', { id }).then(asRecord),
	move: (id, status) =>
		(status === 'issued'
			? call('invoice_issue', { id, date: null })
			: call('invoice_void', { id })
		).then(asRecord),
	steps: (status) =>
		status === 'draft'
			? [{ status: 'issued', label: 'invoices.action.issued' }]
			: status === 'issued'
				? [{ status: 'void', label: 'invoices.action.void' }]
				: [],
	followUps: () => []
};

export const DOCUMENT_KINDS: Record<DocumentKindName, DocumentKind> = {
	quote: QUOTE,
	order: ORDER,
	invoice: INVOICE
};

/** An invoice's money facts, when the document is one. */
export function invoiceOf(doc: DocumentRecord | null): Invoice | null {
	return doc && 'balance' in doc ? (doc as unknown as Invoice) : null;
}

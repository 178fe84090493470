// English messages: the reference catalog. Every UI string lives here under a stable key.
// Placeholders are written {name}. Counted messages have one key per plural category
// (`.one`, `.other`, and `.few`/`.many` where a language needs them) and are read with plural().

import { enContracts } from './en-contracts';
import { enCustomers } from './en-customers';
import { enDocuments } from './en-documents';
import { enImport } from './en-import';
import { enLeads } from './en-leads';
import { enLists } from './en-lists';
import { enPipeline } from './en-pipeline';
import { enProducts } from './en-products';
import { enActivities } from './en-activities';

export const en = {
	'app.name': 'Outpost',
	'app.tagline': 'Offline-first CRM',
	'app.skipToContent': 'Skip to content',
	'app.mainNavigation': 'Main navigation',
	'app.pageTitle': '{page} · Outpost',

	'section.home': 'Home',
	'section.leads': 'Leads',
	'section.accounts': 'Accounts',
	'section.contacts': 'Contacts',
	'section.opportunities': 'Opportunities',
	'section.quotes': 'Quotes',
	'section.products': 'Products',
	'section.orders': 'Orders',
	'section.invoices': 'Invoices',
	'section.contracts': 'Contracts',
	'section.payments': 'Payments',
	'section.cases': 'Cases',
	'section.solutions': 'Solutions',
	'section.calendar': 'Calendar',
	'section.tasks': 'Tasks',
	'section.campaigns': 'Campaigns',
	'section.reports': 'Reports',
	'section.settings': 'Settings',

	'section.home.about': 'An overview of your database and quick ways into your work.',
	'section.leads.about':
		'Prospects not qualified yet, with their source, status and score, ready to convert into an account, a contact and an opportunity.',
	'section.accounts.about':
		'The companies and organisations you do business with, with their contacts, deals and files.',
	'section.contacts.about': 'The people you work with.',
	'section.opportunities.about':
		'Deals in progress, with their account, amount, stage and expected close date.',
	'section.quotes.about':
		'Quotes will let you price products and services for a customer and send them as PDF documents.',
	'section.products.about':
		'The products and services you sell, with their prices and price books.',
	'section.orders.about':
		'Orders will record what customers have confirmed, from accepted quotes or entered directly.',
	'section.invoices.about':
		'Invoices will bill orders with taxes and totals computed for you, numbered and printable as PDF.',
	'section.contracts.about':
		'Contracts with your accounts: their terms, value and the renewals coming up.',
	'section.payments.about':
		'Payments will record money received against invoices and show what is still outstanding.',
	'section.cases.about':
		'Cases will track customer questions and problems from first report to resolution.',
	'section.solutions.about':
		'Solutions will hold a knowledge base of answers you can link to cases and reuse.',
	'section.calendar.about':
		'Meetings and dated tasks by day, week or month, with repeating meetings and time zones.',
	'section.tasks.about': 'The follow-ups and to-dos linked to your records.',
	'section.campaigns.about':
		'Campaigns will group marketing efforts and measure the leads and deals they bring in.',
	'section.reports.about':
		'Reports will summarise your pipeline, sales and service figures with charts and exports.',
	'section.settings.about': 'Your company details, currency and language.',
	'section.unavailable': 'This section is not available in this version of Outpost yet.',
	'section.unavailable.meanwhile': 'In the meantime you can work with your contacts.',

	'nav.goTo': 'Go to {section}',

	'search.label': 'Search',
	'search.placeholder': 'Search everything…',
	'search.results': 'Search results',
	'search.searching': 'Searching…',
	'search.noResults': 'No matches for “{q}”.',
	'search.failed': 'Search failed: {message}',

	'recordType.contact': 'Contacts',
	'recordType.account': 'Accounts',
	'recordType.lead': 'Leads',
	'recordType.opportunity': 'Opportunities',
	'recordType.quote': 'Quotes',
	'recordType.order': 'Orders',
	'recordType.invoice': 'Invoices',
	'recordType.waybill': 'Delivery notes',
	'recordType.credit_note': 'Credit notes',
	'recordType.service_act': 'Service acts',
	'recordType.contract': 'Contracts',
	'recordType.payment': 'Payments',
	'recordType.case': 'Cases',
	'recordType.solution': 'Solutions',
	'recordType.event': 'Calendar',
	'recordType.task': 'Tasks',
	'recordType.campaign': 'Campaigns',
	'recordType.note': 'Notes',
	'recordType.product': 'Products',

	'palette.title': 'Command palette',
	'palette.open': 'Commands',
	'palette.placeholder': 'Type a command…',
	'palette.noMatches': 'No matching commands.',
	'palette.newContact': 'New contact',
	'palette.toggleTheme': 'Toggle light or dark theme',
	'palette.systemTheme': 'Use the system theme',
	'palette.search': 'Search…',
	'palette.group.navigation': 'Go to',
	'palette.group.actions': 'Actions',

	'theme.toDark': 'Switch to the dark theme',
	'theme.toLight': 'Switch to the light theme',

	'shortcuts.title': 'Keyboard shortcuts',
	'shortcuts.palette': 'Open the command palette',
	'shortcuts.search': 'Search',
	'shortcuts.new': 'New record (on a list)',
	'shortcuts.save': 'Save the form',
	'shortcuts.cancel': 'Close, cancel or go back',
	'shortcuts.goContacts': 'Go to Contacts',
	'shortcuts.goHome': 'Go to Home',
	'shortcuts.goSettings': 'Go to Settings',
	'shortcuts.then': 'then',

	'common.save': 'Save',
	'common.saved': 'All changes saved',
	'common.unsaved': 'Unsaved changes',
	'common.saving': 'Saving…',
	'common.delete': 'Delete',
	'common.deleting': 'Deleting…',
	'common.undo': 'Undo',
	'common.dismiss': 'Dismiss',
	'common.loading': 'Loading…',
	'common.retry': 'Try again',
	'common.clear': 'Clear',
	'common.cancel': 'Cancel',

	'error.schema_too_new':
		'This database was written by a newer version of Outpost. Update Outpost to open it.',
	'error.not_a_database': 'The data file is not an Outpost database, or it is damaged.',
	'error.io': 'Outpost could not read or write a file: {message}',
	'error.database': 'The database reported an error: {message}',
	'error.not_found': 'The record was not found. It may have been deleted.',
	'error.conflict': 'The record was changed elsewhere: {message}',
	'error.unknown_command':
		'This part of the app needs a newer core than the one installed ({message}).',
	'error.bad_arguments': 'The app sent a request the core did not understand: {message}',
	'error.internal': 'Unexpected error: {message}',
	'error.validation': '{message}',
	'error.field': '{field}: {message}',
	'error.notInShell': 'Outpost’s core is not reachable. Start the app with the desktop shell.',

	'home.title': 'Home',
	'home.welcome': 'Welcome to Outpost',
	'home.contactsCount.one': '{count} contact',
	'home.contactsCount.other': '{count} contacts',
	'home.contactsCard': 'Contacts',
	'home.openContacts': 'Open contacts',
	'home.newContact': 'New contact',
	'home.database': 'This database',
	'home.version': 'App version',
	'home.schemaVersion': 'Schema version',
	'home.dbPath': 'Database file',
	'home.deviceId': 'Device ID',
	'home.company': 'Company',
	'home.companyMissing': 'Not set yet.',
	'home.editSettings': 'Edit settings',

	'contacts.title': 'Contacts',
	'contacts.new': 'New contact',
	'contacts.total.one': '{count} contact',
	'contacts.total.other': '{count} contacts',
	'contacts.filter': 'Filter contacts',
	'contacts.filterPlaceholder': 'Filter by name, email, phone…',
	'contacts.col.name': 'Name',
	'contacts.col.email': 'Email',
	'contacts.col.phone': 'Phone',
	'contacts.col.city': 'City',
	'contacts.col.title': 'Title',
	'contacts.col.updated': 'Updated',
	'contacts.selected.one': '{count} selected',
	'contacts.selected.other': '{count} selected',
	'contacts.deleted.one': '{count} contact deleted',
	'contacts.deleted.other': '{count} contacts deleted',
	'contacts.emptyTitle': 'No contacts yet',
	'contacts.empty': 'No contacts yet — create one or import a list.',
	'contacts.emptyFiltered': 'No contacts match “{q}”.',
	'contacts.unnamed': '(no name)',
	'contacts.listLabel': 'Contacts list',
	'contacts.keyboardHelp':
		'Arrow keys move, Space selects, Enter opens, Delete removes the selection.',

	'contact.new': 'New contact',
	'contact.notFound': 'This contact does not exist or has been removed.',
	'contact.backToList': 'Back to contacts',
	'contact.deletedNotice': 'This contact is deleted.',
	'contact.restore': 'Restore',
	'contact.deleted': 'Contact deleted',
	'contact.restored': 'Contact restored',
	'contact.created': 'Contact created',
	'contact.discardHint':
		'You have unsaved changes. Press Ctrl+S to save them, or repeat the action (Esc or the link) to leave without saving.',
	'record.createdAt': 'Created {date}',
	'record.updatedAt': 'Updated {date}',
	'contact.section.person': 'Person',
	'contact.section.communication': 'Email and phone',
	'contact.section.addresses': 'Addresses',
	'contact.section.more': 'More',
	'contact.salutation': 'Salutation',
	'contact.first_name': 'First name',
	'contact.last_name': 'Last name',
	'contact.title': 'Job title',
	'contact.department': 'Department',
	'contact.birthday': 'Birthday',
	'contact.lead_source': 'Lead source',
	'contact.notes': 'Notes',
	'contact.tags': 'Tags',
	'contact.tagsHint': 'Separate tags with commas.',
	'contact.emails': 'Emails',
	'contact.phones': 'Phones',
	'contact.email': 'Email {n}',
	'contact.phone': 'Phone {n}',
	'contact.label': 'Label',
	'contact.labelOf': 'Label of {item}',
	'contact.primary': 'Primary',
	'contact.primaryOf': '{item} is the primary one',
	'contact.removeItem': 'Remove {item}',
	'contact.addEmail': 'Add email',
	'contact.addPhone': 'Add phone',
	'contact.addAddress': 'Add address',
	'contact.address': 'Address {n}',
	'contact.street': 'Street',
	'contact.city': 'City',
	'contact.region': 'Region',
	'contact.postal_code': 'Postal code',
	'contact.country': 'Country',
	'contact.noEmails': 'No email addresses.',
	'contact.noPhones': 'No phone numbers.',
	'contact.noAddresses': 'No addresses.',
	'contact.label.work': 'work',
	'contact.label.home': 'home',
	'contact.label.mobile': 'mobile',
	'contact.label.other': 'other',
	'contact.label.billing': 'billing',
	'contact.label.shipping': 'shipping',

	'settings.title': 'Settings',
	'settings.company': 'Company',
	'settings.regional': 'Currency and language',
	'settings.company_name': 'Company name',
	'settings.company_address': 'Company address',
	'settings.tax_id': 'Tax ID',
	'settings.logo': 'Logo',
	'settings.logoHint': 'PNG or JPEG. Shown on quotes and invoices.',
	'settings.logoChoose': 'Choose image…',
	'settings.logoReplace': 'Replace image…',
	'settings.logoRemove': 'Remove logo',
	'settings.logoNone': 'No logo',
	'settings.logoPreview': 'Logo preview',
	'settings.logoWrongType': 'Choose a PNG or JPEG image.',
	'settings.logoUnreadable': 'The file could not be read.',
	'settings.default_currency': 'Default currency',
	'settings.currencyHint': 'A three-letter ISO 4217 code, for example EUR.',
	'settings.commonCurrencies': 'Common currencies',
	'settings.pickCurrency': 'Pick…',
	'settings.locale': 'Language and region',
	'settings.localeHint': 'Used for dates, numbers and money. Example: {example}',
	'settings.save': 'Save settings',
	'settings.saved': 'Settings saved',
	'settings.noChanges': 'No changes to save.',
	'settings.unsaved': 'Unsaved changes',
	'settings.discardHint':
		'You have unsaved changes. Press Ctrl+S to save them, or repeat the action to discard them.',
	...enLeads,
	...enLists,
	...enPipeline,
	...enProducts,
	...enDocuments,
	...enCustomers,
	...enImport,
	...enActivities,
	...enContracts
} as const;

export type MessageKey = keyof typeof en;

/** Keys written with plural categories, by their base (e.g. 'contacts.total'). */
export type PluralBase = {
	[K in MessageKey]: K extends `${infer B}.other` ? B : never;
}[MessageKey];

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A complete catalog; translations may add plural categories English does not use (few, many). */
export type Catalog = Record<MessageKey, string> &
	Partial<Record<`${PluralBase}.${PluralCategory}`, string>>;

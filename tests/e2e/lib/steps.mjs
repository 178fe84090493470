// User steps that several tests share, written as a user would do them: through the navigation,
// the buttons and the keyboard, never by calling the app's internals.
import assert from 'node:assert/strict';
import { waitUntil } from './app.mjs';

/** Goes to the contacts list through the navigation. */
export async function openContacts(app) {
	await app.click('nav-contacts');
	await app.waitForHash(/^#\/contacts\/?$/);
}

/**
 * Leaves a form with unsaved changes for the contacts list: the first click on the navigation is
 * held back by the unsaved-changes guard, a second one leaves.
 */
export async function leaveFormForContacts(app) {
	await app.click('nav-contacts');
	try {
		await app.waitForHash(/^#\/contacts\/?$/, { timeout: 1500 });
	} catch {
		await app.click('nav-contacts');
		await app.waitForHash(/^#\/contacts\/?$/);
	}
}

/** Opens a new contact form from the contacts list. */
export async function startNewContact(app) {
	await openContacts(app);
	await app.click('contact-new');
	await app.waitForHash(/^#\/contacts\/new$/);
	await app.waitFor('field-first_name');
}

/**
 * Creates a contact through the form: Contacts → New → fields → Save. Waits until the app shows
 * the saved record (its own address and its name as the title); returns the record's id.
 */
export async function createContact(app, { first, last, email }) {
	await startNewContact(app);
	await app.type('field-first_name', first);
	await app.type('field-last_name', last);
	if (email !== undefined) await app.type('field-emails-0', email);
	await app.click('contact-save');
	const hash = await app.waitForHash(/^#\/contacts\/(?!new$)[^/]+$/);
	const name = `${first} ${last}`;
	await app.waitForText('record-title', (text) => text === name, { what: JSON.stringify(name) });
	return decodeURIComponent(hash.slice('#/contacts/'.length));
}

/** The digits of a number as the UI shows it (locale separators dropped). */
export function digits(text) {
	return text.replace(/\D/g, '');
}

/** The rows of the contacts list now in the DOM whose text contains `name`. */
export async function rowsNamed(app, name) {
	return (await app.texts('contact-row')).filter((text) => text.includes(name));
}

/** Waits until a row of the contacts list shows `name`. */
export async function waitForRow(app, name) {
	await app.waitFor('contact-row');
	await waitUntil(
		async () => (await rowsNamed(app, name)).length > 0,
		`a contact row showing ${JSON.stringify(name)}`
	);
}

/** What the database holds, read with the crm tool: every live contact's display name. */
export async function storedContactNames(crm) {
	const page = await crm.call('contact_list', { limit: 1000 });
	assert.ok(Array.isArray(page.rows), `contact_list answered without rows: ${JSON.stringify(page)}`);
	return { total: page.total, names: page.rows.map((row) => row.display_name) };
}

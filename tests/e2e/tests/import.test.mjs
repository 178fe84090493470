// A Windows-1251, semicolon-separated contact list with Russian headers and day-first dates is
// checked before anything is written, imported with progress, and taken back with one undo.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { e2e } from '../lib/harness.mjs';
import { openContacts, storedContactNames, waitForRow } from '../lib/steps.mjs';

const FIXTURE = new URL('../../../crates/crm-core/tests/fixtures/import/contacts-windows-1251-semicolon.csv', import.meta.url)
	.pathname;

e2e('a Windows-1251 list is previewed, imported and undone', async ({ launch, crm }) => {
	const app = await launch();
	await openContacts(app);
	await app.click('contacts-import');
	await app.waitForHash(/^#\/contacts\/import\?target=contact$/);
	await app.type('import-path', FIXTURE);
	await app.click('import-next');

	// The dry run: detected dialect, counts, preview, nothing written yet.
	await app.waitForText('import-encoding-detected', 'windows-1251');
	await app.waitForText('import-created', '2');
	await app.waitForText('import-preview', 'Иванов');
	assert.equal((await storedContactNames(crm)).total, 0, 'the preview wrote nothing');

	await app.click('import-run');
	await app.waitFor('import-result');
	await app.waitForText('import-result-created', '2');
	const stored = await storedContactNames(crm);
	assert.equal(stored.total, 2, `both rows are contacts: ${JSON.stringify(stored)}`);

	await app.click('import-undo');
	await app.waitFor('import-undone');
	assert.equal((await storedContactNames(crm)).total, 0, 'undo took the import back');

	await app.click('import-another');
	await app.type('import-path', join(FIXTURE, '..', 'dates-ambiguous.csv'));
	await app.click('import-next');
	await app.waitFor('import-date-question');
	await app.click('import-date-day-first');
	await app.waitForText('import-date-format', '%d/%m/%Y');
	await app.click('import-run');
	await app.waitFor('import-result');
	await app.click('import-to-contacts');
	await waitForRow(app, 'Weber');
	const weber = (await crm.call('contact_list', { q: 'Weber' })).rows[0];
	assert.equal((await crm.call('contact_get', { id: weber.id })).birthday, '1980-04-03', 'the day came first');
});

e2e('an Excel workbook imports with its dates and phone numbers as typed', async ({ launch, crm }) => {
	const app = await launch();
	await openContacts(app);
	await app.click('contacts-import');
	await app.type('import-path', join(FIXTURE, '..', 'contacts.xlsx'));
	await app.click('import-next');
	await app.waitForText('import-created', '3');
	await app.waitForText('import-preview', 'Шевченко');
	await app.click('import-run');
	await app.waitForText('import-result-created', '3');
	await app.click('import-to-contacts');
	await waitForRow(app, 'Jürgen Müller');
	const olena = (await crm.call('contact_list', { q: 'Шевченко' })).rows[0];
	const stored = await crm.call('contact_get', { id: olena.id });
	assert.equal(stored.phones[0].value, '0501234567', 'the leading zero is kept');
	assert.equal(stored.birthday, '1975-12-12', 'a date cell is a date');
});

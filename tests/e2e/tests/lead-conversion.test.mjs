// The front of the sales process: a lead is entered, qualified and converted in one action into an
// account, a contact and an opportunity; the new account is then found by a prefix typed without
// its accents.
import assert from 'node:assert/strict';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

e2e('a qualified lead converts into account, contact and opportunity', async ({ launch, crm }) => {
	const app = await launch();
	await app.click('nav-leads');
	await app.waitForHash(/^#\/leads\/?$/);
	await app.click('lead-new');
	await app.waitForHash(/^#\/leads\/new$/);
	await app.type('lead-first-name', 'Jörg');
	await app.type('lead-last-name', 'Schäfer');
	await app.type('lead-company', 'Bäckerei Schöne GmbH');
	await app.type('lead-email', 'joerg@schoene.example');

	// Answer every qualification question with its first answer.
	const questions = (await crm.call('lead_settings_get')).questions.length;
	assert.ok(questions > 0, 'the default settings have a qualification script');
	for (let i = 0; i < questions; i++) await app.select(`lead-question-${i}`, 1);
	await app.click('lead-save');
	const leadHash = await app.waitForHash(/^#\/leads\/(?!new$)[^/]+$/);
	const leadId = decodeURIComponent(leadHash.slice('#/leads/'.length));
	await app.waitForText('lead-score-reasons', (text) => text.length > 0, { what: 'the reasons of the score' });
	const stored = await crm.call('lead_get', { id: leadId });
	assert.equal(Object.keys(stored.answers).length, questions, `every answer is stored: ${JSON.stringify(stored.answers)}`);
	assert.ok(stored.score > 0, `the answers give a score: ${stored.score}`);

	await app.click('lead-convert');
	await app.click('convert-confirm');
	const hash = await app.waitForHash(/^#\/opportunities\/[^/]+$/);
	await app.waitForText('opportunity-account-link', 'Bäckerei Schöne GmbH');
	await app.waitForText('opportunity-contact-link', 'Jörg Schäfer');

	const opportunity = await crm.call('opportunity_get', { id: decodeURIComponent(hash.slice('#/opportunities/'.length)) });
	const account = await crm.call('account_get', { id: opportunity.account_id });
	assert.equal(account.name, 'Bäckerei Schöne GmbH');
	const converted = await crm.call('lead_get', { id: leadId });
	assert.equal(converted.status, 'converted');
	assert.equal(converted.converted_opportunity_id, opportunity.id);
	const contact = await crm.call('contact_get', { id: converted.converted_contact_id });
	assert.equal(contact.account_id, account.id, 'the contact works for the new account');

	// The global search finds the account by a prefix typed without accents and opens it.
	await app.type('global-search', 'backerei scho');
	const hit = await waitUntil(async () => {
		for (const element of await app.all('search-hit')) {
			if ((await app.textOf(element)).includes('Bäckerei Schöne GmbH')) return element;
		}
		return null;
	}, 'a search hit showing "Bäckerei Schöne GmbH"');
	await hit.click();
	await app.waitForHash(new RegExp(`^#/accounts/${account.id}$`));
	await app.waitForText('record-title', 'Bäckerei Schöne GmbH');
});

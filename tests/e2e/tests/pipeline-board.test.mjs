// The pipeline board: a deal moved a stage on with the keyboard (and back with Undo), on to a later
// stage through its Move menu, then dropped on "Closed won", which asks why; the list shows its new
// stage. A drop on "Closed lost" without a reason is refused on the reason's field.
import assert from 'node:assert/strict';
import { Key, waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

/** The names of the cards in a stage's column, now. */
function cardsIn(app, stage) {
	return app.script(
		(key) =>
			[...document.querySelectorAll(`[data-testid="board-column"][data-stage="${key}"] [data-testid="board-card"] a`)].map(
				(a) => a.innerText.trim()
			),
		stage
	);
}

async function waitForCard(app, stage, name) {
	await waitUntil(async () => (await cardsIn(app, stage)).includes(name), `“${name}” in the ${stage} column`);
}

/** The card of a deal, by its name. */
function card(app, name) {
	return app.script(
		(text) => [...document.querySelectorAll('[data-testid="board-card"]')].find((c) => c.querySelector('a')?.innerText.trim() === text),
		name
	);
}

e2e('a deal moves across the board to won with a reason and the list shows its stage', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US', default_currency: 'EUR' } });
	const account = await crm.call('account_create', { name: 'Müller GmbH' });
	const deal = await crm.call('opportunity_create', {
		name: 'Network upgrade',
		account_id: account.id,
		amount: '1000',
		currency: 'EUR',
		close_date: '2027-03-31'
	});
	const other = await crm.call('opportunity_create', { name: 'Printers', account_id: account.id, amount: '50', currency: 'EUR' });

	const app = await launch();
	await app.click('nav-opportunities');
	await app.click('opportunities-view-board');
	await waitForCard(app, 'prospecting', 'Network upgrade');
	await app.waitForText('board-column-count', '2 deals');

	// Shift+→ on the focused card: the next stage; Undo takes it back.
	await app.script((el) => el.focus(), await card(app, 'Network upgrade'));
	await app.press(Key.SHIFT, Key.ARROW_RIGHT);
	await waitForCard(app, 'qualification', 'Network upgrade');
	await app.waitForText('toast', 'moved to Qualification');
	assert.equal((await crm.call('opportunity_get', { id: deal.id })).stage, 'qualification');
	await app.click('toast-undo');
	await waitForCard(app, 'prospecting', 'Network upgrade');
	assert.equal((await crm.call('opportunity_get', { id: deal.id })).stage, 'prospecting');

	// The Move menu: straight to a later stage.
	await (await (await card(app, 'Network upgrade')).findElement({ css: '[data-testid="board-card-move"]' })).click();
	await app.click('board-move-proposal');
	await waitForCard(app, 'proposal', 'Network upgrade');
	const proposal = await crm.call('opportunity_get', { id: deal.id });
	assert.equal(proposal.stage, 'proposal');
	assert.equal(proposal.probability, 60, 'the stage brought its probability');

	// Dragged onto "Closed lost" without a reason: refused on the field, nothing moves.
	await app.script(
		(cardEl) => {
			const data = new DataTransfer();
			const target = document.querySelector('[data-testid="board-column"][data-stage="closed_lost"]');
			cardEl.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
			target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
			target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
			cardEl.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
		},
		await card(app, 'Printers')
	);
	await app.waitFor('close-dialog');
	await app.click('close-submit');
	await app.waitFor('error-lost_reason');
	assert.equal((await crm.call('opportunity_get', { id: other.id })).stage, 'prospecting');
	await app.press(Key.ESCAPE);
	await app.waitForGone('close-dialog');

	// To "Closed won" with the reason.
	await (await (await card(app, 'Network upgrade')).findElement({ css: '[data-testid="board-card-move"]' })).click();
	await app.click('board-move-closed_won');
	await app.waitFor('close-dialog');
	await app.type('opportunity-won_reason', 'Best service offer');
	await app.click('close-submit');
	await app.waitForGone('close-dialog');
	await waitForCard(app, 'closed_won', 'Network upgrade');
	const won = await crm.call('opportunity_get', { id: deal.id });
	assert.equal(won.stage, 'closed_won');
	assert.equal(won.won_reason, 'Best service offer');
	assert.ok(won.closed_on, 'the deal is dated closed');

	// The list shows the new stage.
	await app.click('opportunities-view-list');
	await app.waitForHash(/^#\/opportunities\/?$/);
	await waitUntil(
		async () => (await app.texts('opportunity-row')).some((row) => row.includes('Network upgrade') && row.includes('Closed won')),
		'the list to show “Network upgrade” in Closed won'
	);
});

// 20,000 contacts: the list opens with the full total, loads further pages as the user scrolls
// down, and keeps only the rows in view in the DOM.
import assert from 'node:assert/strict';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';
import { digits, openContacts } from '../lib/steps.mjs';

const CONTACTS = 20_000;
const MAX_ROWS_IN_DOM = 200;

/** The rows now in the DOM: their position in the list (from aria-rowindex) and their record id. */
function renderedRows(app) {
	return app.script(() =>
		[...document.querySelectorAll('[data-testid="contact-row"]')].map((row) => ({
			index: Number(row.getAttribute('aria-rowindex')) - 2,
			id: row.getAttribute('data-id')
		}))
	);
}

/** Scrolls the list's scroll container to its current end, as the mouse wheel would. */
function scrollListToEnd(app) {
	return app.script(() => {
		let scroller = document.querySelector('[data-testid="contact-row"]');
		while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
			scroller = scroller.parentElement;
		}
		if (!scroller) return null;
		scroller.scrollTop = scroller.scrollHeight;
		return scroller.scrollHeight;
	});
}

/** The ids of the first `n` contacts in the list's order (by name), read with the crm tool. */
async function firstIds(crm, n) {
	const ids = [];
	let after = null;
	while (ids.length < n) {
		const page = await crm.call('contact_list', { sort: 'name', desc: false, after, limit: 500 });
		ids.push(...page.rows.map((row) => row.id));
		if (!page.next) break;
		after = page.next;
	}
	return ids.slice(0, n);
}

e2e(
	'a list of 20,000 contacts shows its total and pages in rows as it scrolls',
	async ({ launch, crm }) => {
		await crm.demo(CONTACTS);
		const app = await launch();
		await openContacts(app);

		const total = { what: `the total ${CONTACTS} (digits only)` };
		await app.waitForText('contacts-total', (t) => digits(t) === String(CONTACTS), total);
		await app.waitFor('contact-row');
		const before = await renderedRows(app);
		assert.ok(before.length > 0 && before.length < MAX_ROWS_IN_DOM, `rows in the DOM at the top: ${before.length}`);
		assert.equal(Math.min(...before.map((r) => r.index)), 0, 'the list starts at its first row');

		// Scroll to the end of what is loaded until rows from the third page of 200 are on screen.
		let deepest = Math.max(...before.map((r) => r.index));
		for (let step = 0; step < 8 && deepest < 450; step++) {
			const height = await scrollListToEnd(app);
			assert.ok(height, 'the list scrolls');
			await waitUntil(async () => {
				const rows = await renderedRows(app);
				const max = Math.max(...rows.map((r) => r.index));
				if (max <= deepest) return false;
				deepest = max;
				return true;
			}, `rows beyond row ${deepest} after scrolling down`);
			const n = await app.count('contact-row');
			assert.ok(n < MAX_ROWS_IN_DOM, `rows in the DOM after scrolling: ${n}`);
		}
		assert.ok(deepest >= 450, `scrolling loaded rows down to row ${deepest}`);

		const after = await renderedRows(app);
		assert.ok(after.length < MAX_ROWS_IN_DOM, `rows in the DOM at the end: ${after.length}`);
		const shownBefore = new Set(before.map((r) => r.id));
		assert.ok(after.every((r) => !shownBefore.has(r.id)), 'the rendered rows changed');

		// The rows the list paged in are the core's rows at those positions, in its order.
		const ids = await firstIds(crm, Math.max(...after.map((r) => r.index)) + 1);
		for (const row of after) {
			assert.equal(row.id, ids[row.index], `the row at position ${row.index + 1} is the contact there by name`);
		}
		// The total still reads 20,000 once further pages are in.
		await app.waitForText('contacts-total', (t) => digits(t) === String(CONTACTS), { ...total, timeout: 2000 });
	},
	{ timeout: 120_000 }
);

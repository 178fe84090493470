// Activities: a weekly meeting planned with a contact from the contact's page, one of its meetings
// dragged to another hour in the calendar (this meeting only), the meeting on the contact's
// timeline; a call logged with a follow-up task, and the task completed with one click.
import assert from 'node:assert/strict';
import { Origin } from 'selenium-webdriver';
import { waitUntil } from '../lib/app.mjs';
import { e2e } from '../lib/harness.mjs';

/** The calendar's items between two instants, as the core expands them. */
function range(crm, start, end) {
	return crm.call('calendar_range', { start, end, tz: 'UTC', types: ['event'] });
}

e2e('a weekly meeting with a contact, one meeting moved, a call logged and its follow-up done', async ({ launch, crm }) => {
	await crm.run('init');
	await crm.call('settings_update', { changes: { locale: 'en-US' } });
	const contact = await crm.call('contact_create', { first_name: 'Anna', last_name: 'Schmidt', emails: ['anna@example.de'] });

	const app = await launch();
	await app.click('nav-contacts');
	await app.click('contact-row');
	await app.waitForText('record-title', 'Anna Schmidt');

	// A weekly meeting, five times, with the contact invited (the dialog starts at the next hour).
	await app.click('new-meeting');
	await app.waitFor('event-dialog');
	await app.type('field-subject', 'Weekly review');
	await app.select('field-repeat', 'weekly');
	await app.select('field-repeat-end', 'count');
	await app.type('field-count', '5');
	await app.waitForText('attendees', 'Anna Schmidt');
	await app.click('event-save');
	await app.waitForGone('event-dialog');

	const horizon = new Date(Date.now() + 60 * 86_400_000).toISOString();
	const from = new Date(Date.now() - 86_400_000).toISOString();
	const meetings = await waitUntil(async () => {
		const items = await range(crm, from, horizon);
		return items.length === 5 ? items : null;
	}, 'five weekly meetings in the database');
	const series = await crm.call('event_get', { id: meetings[0].id });
	assert.equal(series.rrule, 'FREQ=WEEKLY;COUNT=5');
	assert.deepEqual(series.attendees, [{ type: 'contact', id: contact.id }]);
	assert.deepEqual(series.record, { type: 'contact', id: contact.id });

	// The second meeting, dragged one hour later in next week's view: this meeting only.
	await app.click('nav-calendar');
	await app.click('calendar-view-week');
	await app.click('calendar-next');
	const item = await waitUntil(async () => {
		for (const el of await app.all('calendar-item')) {
			if ((await el.getAttribute('data-subject')) === 'Weekly review' && (await el.isDisplayed())) return el;
		}
		return null;
	}, 'next week’s meeting in the calendar');
	await app.driver.executeScript('arguments[0].scrollIntoView({block: "center"})', item);
	await app.driver
		.actions({ async: true })
		.move({ origin: item })
		.press()
		.move({ origin: Origin.POINTER, x: 0, y: 10 })
		.move({ origin: Origin.POINTER, x: 0, y: 20 })
		.move({ origin: Origin.POINTER, x: 0, y: 18 })
		.release()
		.perform();
	await app.waitFor('scope-dialog');
	await app.click('scope-this');
	await app.click('scope-apply');
	const second = meetings[1];
	const moved = await waitUntil(async () => {
		const items = await range(crm, from, horizon);
		const found = items.find((i) => i.series_id === series.id && i.id !== series.id);
		return found ?? null;
	}, 'the moved meeting stored apart from its series');
	assert.equal(
		new Date(moved.start).getTime() - new Date(second.start).getTime(),
		3_600_000,
		'the meeting is an hour later'
	);
	assert.equal((await range(crm, from, horizon)).length, 5, 'the series still has five meetings');

	// The meeting shows on the contact's timeline.
	await app.click('nav-contacts');
	await app.click('contact-row');
	await app.waitForText('timeline', 'Weekly review');

	// A call with a follow-up task, then the task done from the record.
	await app.click('log-call');
	await app.waitFor('call-dialog');
	await app.select('field-outcome', 'left_voicemail');
	await app.type('field-subject', 'Pricing question');
	await app.click('field-follow_up');
	await app.click('call-save');
	await app.waitForGone('call-dialog');
	await app.waitForText('open-task', 'Follow up: Pricing question');
	const [task] = (await crm.call('task_list', { record_id: contact.id })).rows;
	assert.equal(task.status, 'not_started');
	await app.click('task-done');
	await app.waitForGone('open-task');
	await waitUntil(
		async () => (await crm.call('task_get', { id: task.id })).status === 'completed',
		'the follow-up completed in the database'
	);
	await app.waitForText('timeline', 'Pricing question');
});

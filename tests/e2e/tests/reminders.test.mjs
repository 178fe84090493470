// Reminders: one that fell due while the app was closed is listed when it starts; once dismissed
// it is acknowledged and not shown again.
import assert from 'node:assert/strict';
import { e2e } from '../lib/harness.mjs';

e2e('a reminder missed while the app was closed is shown at start, once', async ({ launch, crm }) => {
	await crm.run('init');
	const pad = (n) => String(n).padStart(2, '0');
	const soon = new Date(Date.now() + 10 * 60_000);
	const start = `${soon.getUTCFullYear()}-${pad(soon.getUTCMonth() + 1)}-${pad(soon.getUTCDate())}T${pad(soon.getUTCHours())}:${pad(soon.getUTCMinutes())}`;
	await crm.call('event_create', { subject: 'Board meeting', start, tz: 'UTC', reminder_minutes: 60 });

	let app = await launch();
	await app.waitForText('missed-reminders', 'Board meeting');
	await app.click('missed-reminders-dismiss');
	await app.waitForGone('missed-reminders');
	await app.quit();

	app = await launch();
	await app.click('nav-calendar');
	assert.equal(await app.isVisible('missed-reminders'), false, 'an acknowledged reminder is not shown again');
});

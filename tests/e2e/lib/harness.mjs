// The frame of every end-to-end test: a fresh scratch directory with its own database path, app
// sessions started on it, and, when the test fails, a screenshot and the page source of every
// session still open saved to tests/e2e/artifacts/. Sessions are always closed and the directory
// removed.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { promisify } from 'node:util';
import { startApp } from './app.mjs';
import { Crm } from './crm.mjs';

const ROOT = new URL('../../..', import.meta.url).pathname;
const SCRATCH = process.env.E2E_TMP ?? '/tmp';
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(ROOT, 'tests/e2e/artifacts');

const slug = (name) =>
	name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);

/**
 * Declares a test. `body` gets a context with:
 *   db     the database path of this test (no file until something creates it)
 *   crm    the crm tool on that database (`ctx.crm.call('contact_list', {})`)
 *   launch a function that starts the app on the database and returns its session
 *   dir    the scratch directory
 */
export function e2e(name, body, { timeout = 60_000 } = {}) {
	test(name, { timeout }, async () => {
		const dir = mkdtempSync(join(SCRATCH, `${slug(name).slice(0, 40)}-`));
		const db = join(dir, 'outpost.db');
		const sessions = [];
		const ctx = {
			dir,
			db,
			crm: new Crm(db),
			launch: async (options = {}) => {
				const sessionDir = join(dir, `session-${sessions.length + 1}`);
				const app = await startApp({ db, dir: sessionDir, ...options, ready: false });
				sessions.push(app);
				await app.ready();
				return app;
			}
		};
		try {
			await body(ctx);
		} catch (error) {
			await saveEvidence(name, sessions);
			throw error;
		} finally {
			for (const app of sessions) await app.quit();
			// An app that just closed may still be writing its caches: retry, and never fail on this.
			try {
				rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
			} catch {
				// run.sh removes the whole scratch directory at the end.
			}
		}
	});
}

async function saveEvidence(name, sessions) {
	mkdirSync(ARTIFACTS, { recursive: true });
	const open = sessions.filter((app) => !app.closed);
	if (open.length === 0) {
		// No window to ask: capture the whole display.
		const file = join(ARTIFACTS, `${slug(name)}.png`);
		try {
			await promisify(execFile)('import', ['-window', 'root', file]);
			console.error(`screenshot: ${file}`);
		} catch (error) {
			console.error(`no screenshot: ${error.message}`);
		}
	}
	for (const [i, app] of open.entries()) {
		const base = join(ARTIFACTS, slug(name) + (open.length > 1 ? `-${i + 1}` : ''));
		try {
			await app.screenshot(`${base}.png`);
			console.error(`screenshot: ${base}.png`);
		} catch (error) {
			console.error(`no screenshot: ${error.message}`);
		}
		try {
			writeFileSync(`${base}.html`, await app.source());
			console.error(`page source: ${base}.html`);
		} catch (error) {
			console.error(`no page source: ${error.message}`);
		}
	}
}

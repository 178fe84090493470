// The crm command-line tool on a test's database: to prepare data and to check what the app stored.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('../../..', import.meta.url).pathname;
export const CRM_BINARY = process.env.OUTPOST_CRM ?? join(ROOT, 'target/debug/crm');

export class Crm {
	constructor(db) {
		this.db = db;
	}

	/** Runs `crm --db DB ...args`; resolves to its stdout, rejects with its stderr. */
	async run(...args) {
		try {
			const { stdout } = await promisify(execFile)(CRM_BINARY, ['--db', this.db, ...args], {
				maxBuffer: 64 * 1024 * 1024
			});
			return stdout;
		} catch (error) {
			throw new Error(`crm ${args.join(' ')} failed: ${(error.stderr || error.stdout || error.message).trim()}`);
		}
	}

	/** Runs a registry command and parses its JSON answer. */
	async call(command, args = {}) {
		return JSON.parse(await this.run('call', command, JSON.stringify(args)));
	}

	/** Fills the database with `contacts` realistic demo contacts. */
	demo(contacts, seed = 1) {
		return this.run('demo', '--contacts', String(contacts), '--seed', String(seed));
	}
}

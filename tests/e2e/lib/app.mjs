// One session of the real Outpost desktop app, driven through tauri-driver (WebDriver), with the
// user's vocabulary: wait for, click, type, read, press keys. Elements are found by their stable
// `data-testid` hooks only. Every wait polls until a deadline and fails with what it waited for.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Builder, By, Key } from 'selenium-webdriver';

export { Key };

const ROOT = new URL('../../..', import.meta.url).pathname;
export const APP_BINARY = process.env.OUTPOST_APP ?? join(ROOT, 'target/debug/outpost');
export const DRIVER_URL = process.env.E2E_DRIVER_URL ?? 'http://127.0.0.1:4444/';
/** How long a wait for an element or a state lasts before the test fails. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 10_000);

/** How long one WebDriver command may take before it fails (instead of hanging the suite). */
export const COMMAND_TIMEOUT = Number(process.env.E2E_COMMAND_TIMEOUT_MS ?? 30_000);

const POLL_MS = 50;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or a rejection with `message` after `ms` (the timer never holds the process). */
function withTimeout(promise, ms, message) {
	let timer;
	const deadline = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms);
	});
	return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
const quote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;
const testId = (id) => `[data-testid="${id}"]`;

/**
 * Polls `probe` until it returns a truthy value (returned) or the deadline passes (throws
 * "Timed out after N ms waiting for <what>", with the last value or error seen). `what` may be a
 * function, called for the message.
 */
export async function waitUntil(probe, what, timeout = TIMEOUT) {
	const deadline = Date.now() + timeout;
	let last;
	for (;;) {
		try {
			const value = await probe();
			if (value) return value;
			last = value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			if (typeof what === 'function') what = what();
			const cause = last instanceof Error ? ` (last error: ${last.message})` : '';
			throw new Error(`Timed out after ${timeout} ms waiting for ${what}${cause}`);
		}
		await sleep(POLL_MS);
	}
}

/** An HTTP agent whose requests to the driver fail after COMMAND_TIMEOUT without an answer. */
class CommandTimeoutAgent extends Agent {
	createConnection(options, callback) {
		const socket = super.createConnection(options, callback);
		socket.setTimeout(COMMAND_TIMEOUT, () => {
			if (socket._httpMessage) {
				socket.destroy(new Error(`The WebDriver command got no answer within ${COMMAND_TIMEOUT} ms`));
			} else {
				socket.destroy();
			}
		});
		return socket;
	}
}

/**
 * Starts the app on the database `db`. `dir` is this session's scratch directory: the app gets its
 * own HOME and XDG directories there (a small launcher sets them), so the WebView's storage is as
 * fresh as the database. `env` adds variables to the app's environment. Resolves once the app shell is on screen (with `ready: false`, as soon as
 * the session exists; then call `app.ready()`).
 */
export async function startApp({ db, dir, args = [], env = {}, ready = true }) {
	const home = join(dir, 'home');
	mkdirSync(join(home, 'runtime'), { recursive: true, mode: 0o700 });
	const launcher = join(dir, 'outpost-launcher.sh');
	writeFileSync(
		launcher,
		[
			'#!/bin/sh',
			`HOME=${quote(home)}`,
			'XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"',
			'XDG_RUNTIME_DIR="$HOME/runtime"',
			'export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR',
			...Object.entries(env).map(([name, value]) => `export ${name}=${quote(value)}`),
			`exec ${quote(APP_BINARY)} "$@"`,
			''
		].join('\n'),
		{ mode: 0o755 }
	);
	const agent = new CommandTimeoutAgent({ keepAlive: true });
	const driver = await new Builder()
		.disableEnvironmentOverrides()
		.usingServer(DRIVER_URL)
		.usingHttpAgent(agent)
		.withCapabilities({
			browserName: 'wry',
			'tauri:options': { application: launcher, args: ['--db', db, ...args] }
		})
		.build();
	const app = new App(driver, agent);
	if (ready) {
		try {
			await app.ready();
		} catch (error) {
			await app.quit();
			throw error;
		}
	}
	return app;
}

export class App {
	/**
	 * @param {import('selenium-webdriver').WebDriver} driver
	 * @param {Agent} agent the connections to the driver, closed with the session
	 */
	constructor(driver, agent) {
		this.driver = driver;
		this.agent = agent;
		this.closed = false;
	}

	/** Waits until the app shell (the navigation) is on screen. */
	async ready() {
		try {
			await this.waitFor('nav-home');
		} catch (error) {
			throw new Error(`The app did not show its window with the navigation: ${error.message}`);
		}
	}

	// --- Finding ---------------------------------------------------------------------------------

	/** Every element with the test id (maybe none), now. */
	all(id) {
		return this.driver.findElements(By.css(testId(id)));
	}

	/** How many elements with the test id are in the page now. */
	async count(id) {
		return (await this.all(id)).length;
	}

	/** Whether an element with the test id is displayed now. */
	async isVisible(id) {
		return (await this.firstVisible(id)) !== null;
	}

	/** The first displayed element with the test id, or null; now. */
	async firstVisible(id) {
		for (const element of await this.all(id)) {
			try {
				if (await element.isDisplayed()) return element;
			} catch {
				// Replaced while we looked.
			}
		}
		return null;
	}

	/** The first displayed element with the test id; waits for it. */
	waitFor(id, { timeout = TIMEOUT } = {}) {
		let present = 0;
		return waitUntil(
			async () => {
				const element = await this.firstVisible(id);
				if (!element) present = await this.count(id);
				return element;
			},
			() =>
				`${testId(id)} to be visible; ` +
				(present ? `${present} in the page, none visible` : 'it is not in the page'),
			timeout
		);
	}

	/** Waits until no element with the test id is displayed. */
	async waitForGone(id, { timeout = TIMEOUT } = {}) {
		await waitUntil(async () => !(await this.isVisible(id)), `${testId(id)} to disappear`, timeout);
	}

	/** Waits until the number of elements with the test id satisfies `accept(n)`; returns it. */
	async waitForCount(id, accept, what, { timeout = TIMEOUT } = {}) {
		let n;
		await waitUntil(
			async () => {
				n = await this.count(id);
				return accept(n);
			},
			`${testId(id)} count ${what}`,
			timeout
		);
		return n;
	}

	// --- Reading ---------------------------------------------------------------------------------

	/**
	 * The rendered text of an element (its innerText), white space collapsed. WebKit's WebDriver
	 * "get element text" drops all but the first cell of a grid row, so it is not used.
	 */
	async textOf(element) {
		const text = await this.script((el) => el.innerText, element);
		return String(text ?? '').replace(/\s+/g, ' ').trim();
	}

	/** The rendered text of the element with the test id (waits for it). */
	async text(id) {
		return this.textOf(await this.waitFor(id));
	}

	/** The rendered texts of every element with the test id, now. */
	async texts(id) {
		return this.script(
			(selector) =>
				[...document.querySelectorAll(selector)].map((el) => el.innerText.replace(/\s+/g, ' ').trim()),
			testId(id)
		);
	}

	/**
	 * Waits until the element's text matches: a string (contained), a RegExp, or a predicate
	 * (described by `what` in the failure message). Returns the text.
	 */
	async waitForText(id, expected, { timeout = TIMEOUT, what = 'the expected text' } = {}) {
		const matches =
			typeof expected === 'function'
				? expected
				: expected instanceof RegExp
					? (text) => expected.test(text)
					: (text) => text.includes(expected);
		let seen = 'nothing visible';
		let text;
		await waitUntil(
			async () => {
				const element = await this.firstVisible(id);
				if (!element) {
					seen = (await this.count(id)) > 0 ? 'it is there but not visible' : 'it is not there';
					return false;
				}
				text = await this.textOf(element);
				seen = `it shows ${JSON.stringify(text)}`;
				return matches(text);
			},
			() =>
				`${testId(id)} to show ${typeof expected === 'function' ? what : JSON.stringify(String(expected))}; ${seen}`,
			timeout
		);
		return text;
	}

	/** The current value of the input with the test id. */
	async value(id) {
		return (await this.waitFor(id)).getAttribute('value');
	}

	/** The route part of the address, e.g. `#/contacts`. */
	hash() {
		return this.script(() => window.location.hash);
	}

	async waitForHash(pattern, { timeout = TIMEOUT } = {}) {
		return waitUntil(
			async () => {
				const hash = await this.hash();
				return pattern.test(hash) ? hash : null;
			},
			`the address to match ${pattern}`,
			timeout
		);
	}

	// --- Acting ----------------------------------------------------------------------------------

	/** Clicks the element with the test id once it is visible (retries while something covers it). */
	async click(id, { timeout = TIMEOUT } = {}) {
		await waitUntil(
			async () => {
				const element = await this.firstVisible(id);
				if (!element) return false;
				await element.click();
				return true;
			},
			`${testId(id)} to be visible and take a click`,
			timeout
		);
	}

	/**
	 * Types `text` into the input with the test id, as keystrokes; replaces what was there unless
	 * `append`. Then checks the field holds what was typed.
	 */
	async type(id, text, { append = false } = {}) {
		const element = await this.waitFor(id);
		if (!append) {
			await element.clear();
			// clear() sets the value without a keystroke; make sure the UI saw the field empty.
			if ((await element.getAttribute('value')) !== '') {
				await element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
			}
		}
		const before = append ? await element.getAttribute('value') : '';
		await element.sendKeys(text);
		await waitUntil(
			async () => (await element.getAttribute('value')) === before + text,
			`${testId(id)} to hold ${JSON.stringify(before + text)}`
		);
	}

	/**
	 * Picks an option of the select with the test id: the option with `value`, or with `index` when
	 * given a number (0 is the first). Returns the option's value.
	 */
	async select(id, option) {
		const element = await this.waitFor(id);
		const css = typeof option === 'number' ? `option:nth-of-type(${option + 1})` : `option[value=${JSON.stringify(option)}]`;
		const choice = await waitUntil(async () => (await element.findElements(By.css(css)))[0], `${testId(id)} to offer ${css}`);
		await choice.click();
		const value = await choice.getAttribute('value');
		await waitUntil(async () => (await element.getAttribute('value')) === value, `${testId(id)} to hold ${JSON.stringify(value)}`);
		return value;
	}

	/**
	 * Presses a key or a chord on whatever has the focus, e.g. `press(Key.ENTER)`,
	 * `press(Key.CONTROL, 'k')`: modifiers go down first and up last.
	 */
	async press(...keys) {
		const modifiers = keys.slice(0, -1);
		const key = keys[keys.length - 1];
		let actions = this.driver.actions();
		for (const modifier of modifiers) actions = actions.keyDown(modifier);
		actions = actions.keyDown(key).keyUp(key);
		for (const modifier of modifiers.reverse()) actions = actions.keyUp(modifier);
		await actions.perform();
	}

	/** Types text on whatever has the focus, as keystrokes. */
	async keys(text) {
		await this.driver.actions().sendKeys(text).perform();
	}

	/** Runs a function in the page (for what a user does with the mouse wheel, e.g. scrolling). */
	script(fn, ...args) {
		return this.driver.executeScript(fn, ...args);
	}

	// --- Evidence and the end --------------------------------------------------------------------

	/**
	 * A PNG of what is on the screen: the display's own pixels (the suite's virtual display shows
	 * this window only). WebKit's own screenshot command can stall for many seconds under Xvfb, so
	 * it is only the fallback, bounded in time.
	 */
	async screenshot(file) {
		try {
			await promisify(execFile)('import', ['-window', 'root', file], { timeout: 10_000 });
		} catch {
			const png = await withTimeout(this.driver.takeScreenshot(), 10_000, 'The screenshot took too long');
			writeFileSync(file, Buffer.from(png, 'base64'));
		}
	}

	/** The page's current HTML. */
	source() {
		return this.driver.getPageSource();
	}

	/** Closes the app (ends the WebDriver session). Safe to call twice. */
	async quit() {
		if (this.closed) return;
		this.closed = true;
		await withTimeout(this.driver.quit(), 10_000, 'The app did not close').catch(() => {});
		this.agent?.destroy();
	}
}

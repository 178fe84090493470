// A node:test reporter for the end-to-end suite: one line per test with its time, the error of a
// failed test (without the runner's internal frames), and a closing summary line
// `e2e: P passed, F failed (T s)` that CI logs and people can grep for.
import { relative } from 'node:path';

const here = new URL('..', import.meta.url).pathname;

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function describe(error) {
	const cause = error?.cause ?? error;
	if (!cause) return 'unknown error';
	const text = cause.stack && cause.message && cause.stack.includes(cause.message) ? cause.stack : `${cause.message ?? cause}\n${cause.stack ?? ''}`;
	return text
		.split('\n')
		.filter((line) => !/^\s+at .*(node:internal|node_modules|node:test)/.test(line))
		.join('\n')
		.trimEnd();
}

function indent(text, by = '    ') {
	return text
		.split('\n')
		.map((line) => (line ? by + line : line))
		.join('\n');
}

export default async function* reporter(source) {
	const started = Date.now();
	let passed = 0;
	let skipped = 0;
	const failures = [];
	for await (const event of source) {
		const data = event.data;
		switch (event.type) {
			case 'test:pass': {
				if (data.details?.type === 'suite') break;
				if (data.skip || data.todo) {
					skipped++;
					yield `  skip  ${data.name}\n`;
				} else {
					passed++;
					yield `  ok    ${data.name} (${seconds(data.details.duration_ms)})\n`;
				}
				break;
			}
			case 'test:fail': {
				if (data.details?.type === 'suite') break;
				// A file that could not even load reports under its own path.
				const name = data.name === data.file ? relative(here, data.file) : data.name;
				const error = describe(data.details.error);
				failures.push({ name, error });
				yield `  FAIL  ${name} (${seconds(data.details.duration_ms)})\n${indent(error)}\n`;
				break;
			}
			case 'test:stdout':
			case 'test:stderr':
				yield indent(data.message.trimEnd(), '      | ') + '\n';
				break;
			default:
				break;
		}
	}
	let summary = `e2e: ${passed} passed, ${failures.length} failed`;
	if (skipped) summary += `, ${skipped} skipped`;
	summary += ` (${seconds(Date.now() - started)})`;
	if (failures.length) {
		yield `\nFailed:\n${failures.map((f) => `  - ${f.name}`).join('\n')}\n`;
	}
	yield `${summary}\n`;
}

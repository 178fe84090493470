// Moves SvelteKit's inline start-up script out of build/index.html into a file of its own, so the
// page runs under a Content-Security-Policy of `script-src 'self'` without hashes or nonces.
// Runs after `vite build`; does nothing when index.html has no inline script.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const indexPath = join(buildDir, 'index.html');
const html = readFileSync(indexPath, 'utf8');

const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
if (inline.length === 0) {
	console.log('externalize-boot: no inline script in index.html');
	process.exit(0);
}
if (inline.length > 1) {
	console.error(`externalize-boot: expected one inline script, found ${inline.length}`);
	process.exit(1);
}

const [whole, body] = inline[0];
const start = /import\("([^"]*\/)start\.[^"]+\.js"\)/.exec(body);
if (!start) {
	console.error('externalize-boot: the inline script does not import the start module');
	process.exit(1);
}
const urlDir = start[1]; // e.g. "/_app/immutable/entry/"
const code = body.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
const fileName = `boot.${hash}.js`;
const fileDir = join(
	buildDir,
	...urlDir
		.replace(/^\.?\//, '')
		.split('/')
		.filter(Boolean)
);

writeFileSync(join(fileDir, fileName), code);
writeFileSync(indexPath, html.replace(whole, `<script src="${urlDir}${fileName}"></script>`));
console.log(`externalize-boot: wrote ${urlDir}${fileName}`);

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	vitePlugin: {
		// Runes everywhere in our own code; third-party components keep their own mode.
		dynamicCompileOptions: ({ filename }) =>
			filename.includes('node_modules') ? undefined : { runes: true }
	},
	kit: {
		// A static single-page app embedded in the desktop shell: one index.html, hash routes
		// (index.html#/contacts) so deep links work with the app's custom protocol.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: 'index.html',
			strict: true
		}),
		router: { type: 'hash' },
		version: { pollInterval: 0 }
	}
};

export default config;

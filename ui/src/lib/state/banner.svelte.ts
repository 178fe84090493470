// The error banner for core errors that do not belong to a form field.
import type { CrmError } from '$lib/bindings';
import { isFatal, toCrmError } from '$lib/errors';

const state = $state<{ error: CrmError | null }>({ error: null });

export const banner = {
	get error(): CrmError | null {
		return state.error;
	},
	get fatal(): boolean {
		return state.error !== null && isFatal(state.error);
	}
};

/** Shows an error in the banner. A fatal error is not replaced by a later, lesser one. */
export function reportError(error: unknown): void {
	const e = toCrmError(error);
	if (state.error && isFatal(state.error) && !isFatal(e)) return;
	state.error = e;
}

/** Hides the banner (fatal errors stay). */
export function dismissBanner(): void {
	if (state.error && isFatal(state.error)) return;
	state.error = null;
}

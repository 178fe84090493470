// The unsaved-changes guard of a record form: the first attempt to leave with unsaved changes is
// held back and shows a hint; repeating it within a few seconds leaves.

/** How long a held-back attempt keeps the way open. */
export const LEAVE_ARMED_MS = 4000;

export class LeaveGuard {
	/** An attempt was held back: the next one leaves (the form shows its hint meanwhile). */
	armed = $state(false);
	/** The form leaves on purpose (after a save or a delete): nothing is held back. */
	leaving = false;
	#timer: ReturnType<typeof setTimeout> | null = null;

	/** Holds back this attempt; the way stays open for LEAVE_ARMED_MS. */
	arm(): void {
		this.armed = true;
		this.#clearTimer();
		this.#timer = setTimeout(() => {
			this.armed = false;
			this.#timer = null;
		}, LEAVE_ARMED_MS);
	}

	/** Stops the timer when the form goes away. */
	dispose(): void {
		this.#clearTimer();
	}

	#clearTimer(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}

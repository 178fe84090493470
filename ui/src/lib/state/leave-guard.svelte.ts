// The unsaved-changes guard of a form: the first attempt to leave with unsaved changes is held
// back and shows a hint; repeating it within a few seconds leaves.
import { beforeNavigate } from '$app/navigation';
import { onDestroy } from 'svelte';

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

	/**
	 * A Cancel (button or Escape): with unsaved changes the first one is held back. Returns
	 * whether the form may leave now.
	 */
	mayLeave(dirty: boolean): boolean {
		if (dirty && !this.armed) {
			this.arm();
			return false;
		}
		this.leaving = true;
		return true;
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

/**
 * The guard of the form being set up (call while the component initialises): navigation away is
 * held back once while `holds()` is true (unsaved changes that are not being saved).
 */
export function leaveGuard(holds: () => boolean): LeaveGuard {
	const guard = new LeaveGuard();
	beforeNavigate((navigation) => {
		if (guard.leaving || guard.armed || navigation.type === 'leave' || !holds()) return;
		navigation.cancel();
		guard.arm();
	});
	onDestroy(() => guard.dispose());
	return guard;
}

// One toast at a time at the bottom of the window, optionally with an Undo action.

export interface Toast {
	id: number;
	message: string;
	/** Runs when the user presses Undo; the toast closes first. */
	undo?: () => void | Promise<void>;
}

export const TOAST_MS = 10_000;

const state = $state<{ current: Toast | null }>({ current: null });
let lastId = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

export const toasts = {
	get current(): Toast | null {
		return state.current;
	}
};

function clearTimer(): void {
	if (timer !== null) {
		clearTimeout(timer);
		timer = null;
	}
}

function startTimer(id: number, ms: number): void {
	clearTimer();
	timer = setTimeout(() => {
		if (state.current?.id === id) state.current = null;
	}, ms);
}

/** Shows a toast, replacing the one on screen. */
export function showToast(message: string, undo?: Toast['undo'], ms = TOAST_MS): number {
	lastId += 1;
	const id = lastId;
	state.current = undo ? { id, message, undo } : { id, message };
	startTimer(id, ms);
	return id;
}

export function dismissToast(): void {
	clearTimer();
	state.current = null;
}

/** Keeps the toast while the pointer or focus is on it; restarts its timer afterwards. */
export function holdToast(hold: boolean): void {
	const current = state.current;
	if (!current) return;
	if (hold) clearTimer();
	else startTimer(current.id, TOAST_MS / 2);
}

/** Runs the toast's undo action. */
export async function undoToast(): Promise<void> {
	const current = state.current;
	if (!current?.undo) return;
	dismissToast();
	await current.undo();
}

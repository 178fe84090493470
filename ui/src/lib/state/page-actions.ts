// What the global shortcuts do on the current screen: a screen registers its handlers for "new
// record", "save" and "cancel" while it is shown.

export interface PageActions {
	onNew?: () => void;
	onSave?: () => void;
	/** Returns true when it handled the key (so nothing else reacts to it). */
	onCancel?: () => boolean | void;
}

const stack: PageActions[] = [];

/** Registers handlers; returns the function that removes them. */
export function registerPageActions(actions: PageActions): () => void {
	stack.push(actions);
	return () => {
		const i = stack.lastIndexOf(actions);
		if (i >= 0) stack.splice(i, 1);
	};
}

/** The handlers of the screen registered last. */
export function currentPageActions(): PageActions {
	return stack[stack.length - 1] ?? {};
}

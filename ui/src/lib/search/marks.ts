// Search hits arrive with matches wrapped in private-use characters: U+E000 opens a match and
// U+E001 closes it. These functions split such a string into plain and marked segments so the view
// can render <mark> elements as text nodes (never as HTML).

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface Segment {
	text: string;
	marked: boolean;
}

/** Splits a marked string into segments; stray or unbalanced markers are tolerated and dropped. */
export function splitMarked(marked: string): Segment[] {
	const segments: Segment[] = [];
	let current = '';
	let inMark = false;
	const push = () => {
		if (current === '') return;
		const last = segments[segments.length - 1];
		if (last && last.marked === inMark) last.text += current;
		else segments.push({ text: current, marked: inMark });
		current = '';
	};
	for (const ch of marked) {
		if (ch === MARK_START) {
			if (!inMark) {
				push();
				inMark = true;
			}
		} else if (ch === MARK_END) {
			if (inMark) {
				push();
				inMark = false;
			}
		} else {
			current += ch;
		}
	}
	push();
	return segments;
}

/** The text without any markers. */
export function stripMarks(marked: string): string {
	return marked.split(MARK_START).join('').split(MARK_END).join('');
}

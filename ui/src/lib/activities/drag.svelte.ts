// Dragging calendar items with the pointer: to another day (any view) and, in the day and week
// views, to another time, or by the lower edge to another end. The drag shows where the item
// will go; letting go hands the move to `commit`.
import type { CalendarItem } from '$lib/bindings';
import { movedTimes, snap } from './calendar';
import { daysBetween } from './dates';

export type DragMode = 'move' | 'resize' | 'days';

export interface DragMove {
	item: CalendarItem;
	days: number;
	minutes: number;
	resize: boolean;
}

interface Active extends DragMove {
	mode: DragMode;
	originDay: string;
	x: number;
	y: number;
	moved: boolean;
}

/** Pixels the pointer travels before a press becomes a drag. */
const THRESHOLD = 4;

/** The day (`data-day`) of the calendar cell or column under a point. */
function dayAt(x: number, y: number): string | null {
	for (const el of document.elementsFromPoint(x, y)) {
		const day = el instanceof HTMLElement ? el.dataset.day : undefined;
		if (day) return day;
	}
	return null;
}

export class CalendarDrag {
	active = $state<Active | null>(null);
	/** True right after a drag ended, so the click that follows does not open the item. */
	#dragged = false;

	constructor(
		private pxPerMinute: () => number,
		private commit: (move: DragMove) => void
	) {}

	start(event: PointerEvent, item: CalendarItem, originDay: string, mode: DragMode) {
		if (event.button !== 0) return;
		event.stopPropagation();
		(event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
		this.active = {
			item,
			mode,
			originDay,
			x: event.clientX,
			y: event.clientY,
			days: 0,
			minutes: 0,
			resize: mode === 'resize',
			moved: false
		};
	}

	move(event: PointerEvent) {
		const a = this.active;
		if (!a) return;
		const dx = event.clientX - a.x;
		const dy = event.clientY - a.y;
		if (!a.moved && Math.hypot(dx, dy) < THRESHOLD) return;
		a.moved = true;
		const day = dayAt(event.clientX, event.clientY) ?? a.originDay;
		a.days = a.mode === 'resize' && !a.item.all_day ? 0 : daysBetween(a.originDay, day);
		a.minutes = a.mode === 'days' ? 0 : snap(dy / this.pxPerMinute());
	}

	end() {
		const a = this.active;
		this.active = null;
		if (!a?.moved) return;
		this.#dragged = true;
		setTimeout(() => (this.#dragged = false), 0);
		if (a.days !== 0 || a.minutes !== 0) {
			this.commit({ item: a.item, days: a.days, minutes: a.minutes, resize: a.resize });
		}
	}

	cancel() {
		this.active = null;
	}

	/** Whether a click should be ignored because it ends a drag. */
	get justDragged(): boolean {
		return this.#dragged;
	}

	/** The items as they show during a drag: the dragged one at its new place. */
	preview(items: readonly CalendarItem[]): readonly CalendarItem[] {
		const a = this.active;
		if (!a?.moved) return items;
		const next = movedTimes(a.item, a.days, a.minutes, a.resize);
		return items.map((item) =>
			item === a.item
				? { ...item, start: next.start, end: item.end === null ? null : next.end }
				: item
		);
	}

	/** Whether this item is the one being dragged. */
	dragging(item: CalendarItem): boolean {
		return (
			this.active?.moved === true &&
			this.active.item.id === item.id &&
			this.active.item.occurrence === item.occurrence
		);
	}
}

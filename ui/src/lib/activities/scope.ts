// What a change to one meeting of a repeating series sends to the core, by the scope the user
// picked: the occurrence alone never carries the rule; "all" moves the series' own start and end
// by as much as this occurrence moved.
import type { EditScope, EventInput } from '$lib/bindings';
import { shiftLike, type NewTimes } from './calendar';

export interface SeriesTimes {
	/** The series' own start and end (its first meeting). */
	start: string;
	end: string | null;
}

/** The series' times after one of its meetings moved from `shown` to `next`. */
export function seriesMoved(series: SeriesTimes, shown: NewTimes, next: NewTimes): SeriesTimes {
	return {
		start: shiftLike(series.start, shown.start, next.start),
		end: series.end && next.end ? shiftLike(series.end, shown.end, next.end) : next.end
	};
}

/** The changes for `scope`, given the occurrence's times as shown and the edited input. */
export function scopedChanges(
	scope: EditScope,
	input: EventInput,
	series: SeriesTimes,
	shown: NewTimes
): Partial<EventInput> {
	if (scope === 'this') {
		const { rrule: _rrule, ...rest } = input;
		return rest;
	}
	if (scope === 'this_and_following') return input;
	return { ...input, ...seriesMoved(series, shown, { start: input.start, end: input.end ?? '' }) };
}

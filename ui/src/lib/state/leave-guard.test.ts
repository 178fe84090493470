import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEAVE_ARMED_MS, LeaveGuard } from './leave-guard.svelte';

describe('the unsaved-changes guard', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('stays armed for a while after holding an attempt back, then closes again', () => {
		const guard = new LeaveGuard();
		expect(guard.armed).toBe(false);
		guard.arm();
		expect(guard.armed).toBe(true);
		vi.advanceTimersByTime(LEAVE_ARMED_MS - 1);
		expect(guard.armed).toBe(true);
		vi.advanceTimersByTime(1);
		expect(guard.armed).toBe(false);
	});

	it('restarts the wait when armed again and forgets it when disposed', () => {
		const guard = new LeaveGuard();
		guard.arm();
		vi.advanceTimersByTime(LEAVE_ARMED_MS - 100);
		guard.arm();
		vi.advanceTimersByTime(200);
		expect(guard.armed).toBe(true);
		guard.dispose();
		vi.advanceTimersByTime(LEAVE_ARMED_MS);
		expect(guard.armed).toBe(true);
	});

	it('holds back the first Cancel with unsaved changes and lets the second leave', () => {
		const guard = new LeaveGuard();
		expect(guard.mayLeave(true)).toBe(false);
		expect(guard.armed).toBe(true);
		expect(guard.mayLeave(true)).toBe(true);
		expect(guard.leaving).toBe(true);
		expect(new LeaveGuard().mayLeave(false)).toBe(true);
	});
});

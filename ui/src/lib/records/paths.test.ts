import { describe, expect, it } from 'vitest';
import { hasScreen, hashParams, mergePath, recordPath } from './paths';

describe('record paths', () => {
	it('opens each record type with a screen on its own route', () => {
		expect(recordPath('account', 'a1')).toBe('/accounts/a1');
		expect(recordPath('contact', 'c1')).toBe('/contacts/c1');
		expect(recordPath('lead', 'l1')).toBe('/leads/l1');
		expect(recordPath('opportunity', 'o1')).toBe('/opportunities/o1');
	});

	it('has no path for types without a screen or an empty id', () => {
		expect(recordPath('note', 'n1')).toBeNull();
		expect(recordPath('toString', 'x')).toBeNull();
		expect(recordPath('account', '')).toBeNull();
		expect(hasScreen('attachment')).toBe(false);
		expect(hasScreen('contact')).toBe(true);
	});

	it('encodes ids', () => {
		expect(recordPath('contact', 'a/b c')).toBe('/contacts/a%2Fb%20c');
	});

	it('builds the merge path and reads its parameters back from the hash', () => {
		const path = mergePath('contact', 'w1', 'l 2');
		expect(path).toBe('/contacts/merge?winner=w1&loser=l+2');
		const params = hashParams(`#${path}`);
		expect(params.get('winner')).toBe('w1');
		expect(params.get('loser')).toBe('l 2');
		expect(hashParams('#/contacts/merge').get('winner')).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import {
	MAX_SAVED_MAPPINGS,
	SAVED_MAPPINGS_KEY,
	headerSetKey,
	mappingToOffer,
	rememberMapping,
	savedMappingFor,
	type KeyValueStorage
} from './saved';

function memory(initial: Record<string, string> = {}): KeyValueStorage & {
	data: Record<string, string>;
} {
	const data = { ...initial };
	return {
		data,
		getItem: (key) => data[key] ?? null,
		setItem: (key, value) => {
			data[key] = value;
		}
	};
}

describe('saved mappings', () => {
	it('keys a header set regardless of column order', () => {
		expect(headerSetKey(['b', 'a'])).toBe(headerSetKey(['a', 'b', 'a']));
		expect(headerSetKey(['a'])).not.toBe(headerSetKey(['a', 'b']));
	});

	it('keeps the mappings of each kind of record apart', () => {
		const storage = memory();
		rememberMapping(storage, ['Name', 'Code'], { Name: 'full_name', Code: null });
		rememberMapping(storage, ['Name', 'Code'], { Name: 'name', Code: 'code' }, 'product');
		expect(savedMappingFor(storage, ['Code', 'Name'])).toEqual({ Name: 'full_name', Code: null });
		expect(savedMappingFor(storage, ['Code', 'Name'], 'product')).toEqual({
			Name: 'name',
			Code: 'code'
		});
		expect(savedMappingFor(storage, ['Code', 'Name'], 'lead')).toBeNull();
		expect(headerSetKey(['a'], 'contact')).toBe(headerSetKey(['a']));
	});

	it('remembers the last mapping per header set', () => {
		const storage = memory();
		rememberMapping(storage, ['Name', 'Mail'], { Name: 'full_name', Mail: 'email' });
		rememberMapping(storage, ['Name', 'Mail'], { Name: 'last_name', Mail: 'email' });
		rememberMapping(storage, ['Other'], { Other: null });
		expect(savedMappingFor(storage, ['Mail', 'Name'])).toEqual({
			Name: 'last_name',
			Mail: 'email'
		});
		expect(savedMappingFor(storage, ['Other'])).toEqual({ Other: null });
		expect(savedMappingFor(storage, ['Unknown'])).toBeNull();
		expect(JSON.parse(storage.data[SAVED_MAPPINGS_KEY]!)).toHaveLength(2);
	});

	it('keeps only the most recent header sets', () => {
		const storage = memory();
		for (let i = 0; i <= MAX_SAVED_MAPPINGS; i++) rememberMapping(storage, [`h${i}`], {});
		expect(savedMappingFor(storage, ['h0'])).toBeNull();
		expect(savedMappingFor(storage, [`h${MAX_SAVED_MAPPINGS}`])).toEqual({});
	});

	it('offers a saved mapping only when it differs from the one shown', () => {
		const storage = memory();
		rememberMapping(storage, ['A', 'B'], { A: 'email', B: null });
		expect(mappingToOffer(storage, ['A', 'B'], { A: 'email', B: null })).toBeNull();
		expect(mappingToOffer(storage, ['A', 'B'], { A: 'first_name', B: null })).toEqual({
			A: 'email',
			B: null
		});
	});

	it('survives damaged or missing storage', () => {
		expect(savedMappingFor(memory({ [SAVED_MAPPINGS_KEY]: '{not json' }), ['A'])).toBeNull();
		const odd = memory({
			[SAVED_MAPPINGS_KEY]: JSON.stringify([
				{ headers: 1 },
				{ headers: '["A"]', mapping: { A: 3 } }
			])
		});
		expect(savedMappingFor(odd, ['A'])).toBeNull();
		expect(savedMappingFor(null, ['A'])).toBeNull();
		expect(() => rememberMapping(null, ['A'], {})).not.toThrow();
		const full: KeyValueStorage = {
			getItem: () => null,
			setItem: () => {
				throw new Error('quota');
			}
		};
		expect(() => rememberMapping(full, ['A'], { A: 'email' })).not.toThrow();
	});
});

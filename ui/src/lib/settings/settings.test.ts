import type { Settings } from '$lib/bindings';
import { describe, expect, it } from 'vitest';
import {
	COMMON_CURRENCIES,
	LOCALES,
	currencyName,
	isAcceptedLogoType,
	readAsDataUrl,
	settingsChanges
} from './form';

const base: Settings = {
	company_name: 'Outpost GmbH',
	company_address: 'Ring 1\n1010 Wien',
	tax_id: 'ATU12345678',
	logo: null,
	default_currency: 'EUR',
	locale: 'de-AT'
};

describe('settings form', () => {
	it('sends only changed fields', () => {
		expect(settingsChanges(base, { ...base })).toEqual({});
		expect(
			settingsChanges(base, { ...base, locale: 'uk-UA', logo: 'data:image/png;base64,AA==' })
		).toEqual({
			locale: 'uk-UA',
			logo: 'data:image/png;base64,AA=='
		});
		expect(settingsChanges({ ...base, logo: 'data:x' }, base)).toEqual({ logo: null });
	});

	it('accepts PNG and JPEG logos only', () => {
		expect(isAcceptedLogoType('image/png')).toBe(true);
		expect(isAcceptedLogoType('image/jpeg')).toBe(true);
		expect(isAcceptedLogoType('image/svg+xml')).toBe(false);
		expect(isAcceptedLogoType('')).toBe(false);
	});

	it('offers the agreed locales and valid currency codes', () => {
		expect([...LOCALES]).toEqual(['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'ru-RU', 'uk-UA']);
		for (const code of COMMON_CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
		expect(new Set(COMMON_CURRENCIES).size).toBe(COMMON_CURRENCIES.length);
		expect(currencyName('EUR', 'en-US')).toBe('Euro');
		expect(currencyName('UAH', 'uk-UA')).toMatch(/гривня/i);
	});

	it('reads a file as a data URL', async () => {
		const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
		if (typeof FileReader === 'undefined') {
			await expect(readAsDataUrl(png)).rejects.toBeDefined();
			return;
		}
		await expect(readAsDataUrl(png)).resolves.toBe('data:image/png;base64,iVBORw==');
	});
});

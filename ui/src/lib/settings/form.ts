// The settings form: changed fields for settings_update, the currency and locale choices, and
// reading a logo file.
import type { Settings } from '$lib/bindings';

/** Currencies offered in the picker; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = [
	'EUR',
	'USD',
	'GBP',
	'CHF',
	'JPY',
	'CNY',
	'CAD',
	'AUD',
	'NZD',
	'SEK',
	'NOK',
	'DKK',
	'PLN',
	'CZK',
	'HUF',
	'RON',
	'BGN',
	'TRY',
	'UAH',
	'RUB',
	'KZT',
	'GEL',
	'ILS',
	'AED',
	'SAR',
	'INR',
	'SGD',
	'HKD',
	'KRW',
	'BRL',
	'MXN',
	'ZAR'
] as const;

/** Locales the app is offered in. */
export const LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'ru-RU', 'uk-UA'] as const;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

export function isAcceptedLogoType(type: string): boolean {
	return (LOGO_TYPES as readonly string[]).includes(type.toLowerCase());
}

/** The settings that differ from `original`, for settings_update's `changes`. */
export function settingsChanges(original: Settings, current: Settings): Partial<Settings> {
	const changes: Partial<Settings> = {};
	for (const key of Object.keys(current) as (keyof Settings)[]) {
		if (current[key] !== original[key]) {
			(changes as Record<string, unknown>)[key] = current[key];
		}
	}
	return changes;
}

/** A currency's name in `locale`, e.g. "Euro"; the code itself when unknown. */
export function currencyName(code: string, locale: string): string {
	try {
		const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

/** Reads a file as a data URL (for the logo). */
export function readAsDataUrl(file: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => {
			if (typeof reader.result === 'string') resolve(reader.result);
			else reject(new Error('unexpected result'));
		};
		reader.onerror = () => reject(reader.error ?? new Error('read failed'));
		reader.readAsDataURL(file);
	});
}

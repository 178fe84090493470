// The sections of the app, in navigation order. `available` is true where the capability has landed.

export const SECTION_IDS = [
	'home',
	'leads',
	'accounts',
	'contacts',
	'opportunities',
	'quotes',
	'products',
	'orders',
	'invoices',
	'contracts',
	'payments',
	'cases',
	'solutions',
	'calendar',
	'tasks',
	'campaigns',
	'reports',
	'settings'
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export type SectionPath =
	| '/'
	| '/leads'
	| '/accounts'
	| '/contacts'
	| '/opportunities'
	| '/quotes'
	| '/products'
	| '/orders'
	| '/invoices'
	| '/contracts'
	| '/payments'
	| '/cases'
	| '/solutions'
	| '/calendar'
	| '/tasks'
	| '/campaigns'
	| '/reports'
	| '/settings';

export interface Section {
	id: SectionId;
	path: SectionPath;
	available: boolean;
}

export const SECTIONS: readonly Section[] = [
	{ id: 'home', path: '/', available: true },
	{ id: 'leads', path: '/leads', available: true },
	{ id: 'accounts', path: '/accounts', available: true },
	{ id: 'contacts', path: '/contacts', available: true },
	{ id: 'opportunities', path: '/opportunities', available: true },
	{ id: 'quotes', path: '/quotes', available: true },
	{ id: 'products', path: '/products', available: true },
	{ id: 'orders', path: '/orders', available: true },
	{ id: 'invoices', path: '/invoices', available: true },
	{ id: 'contracts', path: '/contracts', available: true },
	{ id: 'payments', path: '/payments', available: false },
	{ id: 'cases', path: '/cases', available: false },
	{ id: 'solutions', path: '/solutions', available: false },
	{ id: 'calendar', path: '/calendar', available: true },
	{ id: 'tasks', path: '/tasks', available: true },
	{ id: 'campaigns', path: '/campaigns', available: false },
	{ id: 'reports', path: '/reports', available: false },
	{ id: 'settings', path: '/settings', available: true }
];

/** The section a route id belongs to (for highlighting the navigation). */
export function sectionForRoute(routeId: string | null): SectionId | null {
	if (routeId === null) return null;
	if (routeId === '/') return 'home';
	const first = routeId.split('/')[1] ?? '';
	return (SECTION_IDS as readonly string[]).includes(first) ? (first as SectionId) : null;
}

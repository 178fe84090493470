// The funnel on Home: the open stages with their deal counts and amounts from pipeline_funnel,
// shown in one currency (the default one when deals use it). Amounts are the core's, never summed
// here; the bars compare deal counts.
import type { FunnelStage } from '$lib/bindings';

export interface FunnelRow {
	key: string;
	name: string;
	count: number;
	/** The stage's amount in the shown currency; null when none of its deals use it. */
	amount: string | null;
	/** The count against the largest stage's, 0–1, for the bar. */
	share: number;
}

/** The currency to show: `preferred` when some deal uses it, else the one most deals use. */
export function funnelCurrency(funnel: readonly FunnelStage[], preferred: string): string | null {
	const counts = new Map<string, number>();
	for (const stage of funnel) {
		for (const a of stage.amounts) counts.set(a.currency, (counts.get(a.currency) ?? 0) + a.count);
	}
	if (preferred && counts.has(preferred)) return preferred;
	let best: string | null = null;
	for (const [currency, count] of counts) {
		if (best === null || count > (counts.get(best) ?? 0)) best = currency;
	}
	return best ?? (preferred || null);
}

export function funnelRows(funnel: readonly FunnelStage[], currency: string | null): FunnelRow[] {
	const most = Math.max(0, ...funnel.map((s) => s.count));
	return funnel.map((s) => ({
		key: s.stage.key,
		name: s.stage.name,
		count: s.count,
		amount: s.amounts.find((a) => a.currency === currency)?.amount ?? null,
		share: most === 0 ? 0 : s.count / most
	}));
}

/** Whether some deals are in another currency than the one shown. */
export function hasOtherCurrencies(
	funnel: readonly FunnelStage[],
	currency: string | null
): boolean {
	return funnel.some((s) => s.amounts.some((a) => a.currency !== currency));
}

// Fuzzy matching for the command palette: the query's characters must appear in order in the
// label; matches at word starts and runs of consecutive characters rank higher.

export interface FuzzyMatch {
	score: number;
	/** Positions in the label that matched (for highlighting); empty when a keyword matched. */
	positions: number[];
}

const WORD_START = 8;
const FIRST_CHAR = 4;
const CONSECUTIVE = 6;
const BASE = 1;
const GAP = 0.25;

function isBoundary(chars: readonly string[], index: number): boolean {
	if (index === 0) return true;
	const prev = chars[index - 1] ?? '';
	return /[\s\-_/.,:()…]/.test(prev);
}

/** Best-scoring in-order match of `query` in `text`, or null when it does not match. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
	const q = Array.from(query.toLocaleLowerCase().replace(/\s+/g, ''));
	const chars = Array.from(text);
	const lower = chars.map((c) => c.toLocaleLowerCase());
	const n = chars.length;
	const m = q.length;
	if (m === 0) return { score: 0, positions: [] };
	if (m > n) return null;

	// best[i][j]: best score with query char i matched at text position j.
	const NEG = Number.NEGATIVE_INFINITY;
	const best: number[][] = [];
	const from: number[][] = [];
	for (let i = 0; i < m; i++) {
		const row = new Array<number>(n).fill(NEG);
		const back = new Array<number>(n).fill(-1);
		for (let j = i; j < n; j++) {
			if (lower[j] !== q[i]) continue;
			let bonus = BASE;
			if (isBoundary(chars, j)) bonus += WORD_START;
			if (j === 0) bonus += FIRST_CHAR;
			if (i === 0) {
				row[j] = bonus - j * GAP * 0.5;
				continue;
			}
			const prevRow = best[i - 1] as number[];
			let bestPrev = NEG;
			let bestK = -1;
			for (let k = i - 1; k < j; k++) {
				const p = prevRow[k] as number;
				if (p === NEG) continue;
				const s = p + (k === j - 1 ? CONSECUTIVE : -(j - k - 1) * GAP);
				if (s > bestPrev) {
					bestPrev = s;
					bestK = k;
				}
			}
			if (bestK >= 0) {
				row[j] = bestPrev + bonus;
				back[j] = bestK;
			}
		}
		best.push(row);
		from.push(back);
	}

	const last = best[m - 1] as number[];
	let end = -1;
	let score = NEG;
	for (let j = 0; j < n; j++) {
		if ((last[j] as number) > score) {
			score = last[j] as number;
			end = j;
		}
	}
	if (end < 0) return null;
	const positions: number[] = new Array<number>(m);
	let j = end;
	for (let i = m - 1; i >= 0; i--) {
		positions[i] = j;
		j = (from[i] as number[])[j] as number;
	}
	// Convert code-point positions to UTF-16 offsets for slicing the label.
	const offsets: number[] = [];
	let offset = 0;
	for (const c of chars) {
		offsets.push(offset);
		offset += c.length;
	}
	return { score, positions: positions.map((p) => offsets[p] as number) };
}

export interface Searchable {
	label: string;
	keywords?: readonly string[];
}

export interface Ranked<T> {
	item: T;
	score: number;
	positions: number[];
}

/** Items matching `query`, best first (ties keep their order); all items for an empty query. */
export function fuzzyFilter<T extends Searchable>(items: readonly T[], query: string): Ranked<T>[] {
	const q = query.trim();
	if (q === '') return items.map((item) => ({ item, score: 0, positions: [] }));
	const ranked: (Ranked<T> & { order: number })[] = [];
	items.forEach((item, order) => {
		let match = fuzzyMatch(q, item.label);
		if (!match && item.keywords) {
			for (const keyword of item.keywords) {
				const k = fuzzyMatch(q, keyword);
				if (k && (!match || k.score > match.score)) match = { score: k.score - 1, positions: [] };
			}
		}
		if (match) ranked.push({ item, score: match.score, positions: match.positions, order });
	});
	ranked.sort((a, b) => b.score - a.score || a.order - b.order);
	return ranked.map(({ item, score, positions }) => ({ item, score, positions }));
}

/** Splits a label into plain and highlighted parts at the matched positions. */
export function highlightParts(
	label: string,
	positions: readonly number[]
): { text: string; hit: boolean }[] {
	const set = new Set(positions);
	const parts: { text: string; hit: boolean }[] = [];
	let i = 0;
	for (const ch of label) {
		const hit = set.has(i);
		const last = parts[parts.length - 1];
		if (last && last.hit === hit) last.text += ch;
		else parts.push({ text: ch, hit });
		i += ch.length;
	}
	return parts;
}

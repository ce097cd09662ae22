// How an ownership or control edge is labelled. Unknown stakes stay visibly unknown (`?`), never 0 %;
// ranges keep their bounds' strictness: `>` for an exclusive lower bound, `<` for an exclusive upper one.
import type { GraphEdge } from '../api-types.ts';

type Stake = Pick<GraphEdge, 'type' | 'percent' | 'percentMin' | 'percentMax' | 'minInclusive' | 'maxInclusive' | 'basis'>;

/** 36.35 → "36.35", 50 → "50", 33.3333 → "33.33". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The bounds that say something: a lower bound of 0 or an upper bound of 100 is no bound at all. */
function informativeBounds(edge: Stake): { lower: number | null; upper: number | null } {
  const lower = edge.percentMin !== null && (edge.percentMin > 0 || !edge.minInclusive) ? edge.percentMin : null;
  const upper = edge.percentMax !== null && (edge.percentMax < 100 || !edge.maxInclusive) ? edge.percentMax : null;
  return { lower, upper };
}

/** The short label drawn on the edge: `36.35%`, `10–25%`, `>25–50%`, `≥10%`, `<5%`, `?`, or the gist of a control basis. */
export function stakeLabel(edge: Stake): string {
  // The dashed line already says "control"; the label gives its basis.
  if (edge.type === 'CONTROLS') return edge.basis ? shortBasis(edge.basis) : 'control';
  if (edge.percent !== null) return `${formatNumber(edge.percent)}%`;
  const { lower, upper } = informativeBounds(edge);
  if (lower !== null && upper !== null) {
    if (lower === upper) return `${formatNumber(lower)}%`;
    return `${edge.minInclusive ? '' : '>'}${formatNumber(lower)}–${edge.maxInclusive ? '' : '<'}${formatNumber(upper)}%`;
  }
  if (lower !== null) return `${edge.minInclusive ? '≥' : '>'}${formatNumber(lower)}%`;
  if (upper !== null) return `${edge.maxInclusive ? '≤' : '<'}${formatNumber(upper)}%`;
  return '?';
}

const MAX_BASIS_CHARS = 26;

/** "state supervision (SASAC acts as …)" → "state supervision": the gist on the edge, the rest in words elsewhere. */
export function shortBasis(basis: string): string {
  const gist = basis.split(/\s*\(|[;:]|,\s|\s[–—-]\s/u)[0]?.trim() || basis;
  if (gist.length <= MAX_BASIS_CHARS) return gist;
  const cut = gist.slice(0, MAX_BASIS_CHARS);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > MAX_BASIS_CHARS / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The stake in words, for screen readers, tooltips and the table view: "at least 10% and at most 25%". */
export function stakeDescription(edge: Stake): string {
  if (edge.type === 'CONTROLS') return edge.basis ? `control: ${edge.basis}` : 'control, basis not recorded';
  if (edge.percent !== null) return `${formatNumber(edge.percent)}%`;
  const { lower, upper } = informativeBounds(edge);
  if (lower !== null && upper !== null && lower === upper) return `${formatNumber(lower)}%`;
  const lowerText = lower === null ? null : `${edge.minInclusive ? 'at least' : 'more than'} ${formatNumber(lower)}%`;
  const upperText = upper === null ? null : `${edge.maxInclusive ? 'at most' : 'less than'} ${formatNumber(upper)}%`;
  if (lowerText !== null && upperText !== null) return `${lowerText} and ${upperText}`;
  return lowerText ?? upperText ?? 'an unknown share';
}

/** One sentence about the relationship: "A owns an unknown share of B." / "A controls B (basis: …)." */
export function relationshipSentence(edge: Stake, owner: string, owned: string): string {
  if (edge.type === 'CONTROLS') return `${owner} controls ${owned}${edge.basis ? ` (basis: ${edge.basis})` : ''}.`;
  // "… of Hikvision Co., Ltd." already ends the sentence.
  return `${owner} owns ${stakeDescription(edge)} of ${owned}${owned.endsWith('.') ? '' : '.'}`;
}

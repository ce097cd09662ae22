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

/** The short label drawn on the edge: `36.35%`, `10–25%`, `>25–50%`, `≥10%`, `<5%`, `?`, or the control basis. */
export function stakeLabel(edge: Stake): string {
  if (edge.type === 'CONTROLS') return edge.basis ? `control: ${edge.basis}` : 'control';
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

/** The same stake in words, for screen readers, tooltips and the table view. */
export function stakeDescription(edge: Stake): string {
  if (edge.type === 'CONTROLS') return edge.basis ? `controls (${edge.basis})` : 'controls';
  if (edge.percent !== null) return `owns ${formatNumber(edge.percent)}%`;
  const { lower, upper } = informativeBounds(edge);
  const lowerText = lower === null ? null : `${edge.minInclusive ? 'at least' : 'more than'} ${formatNumber(lower)}%`;
  const upperText = upper === null ? null : `${edge.maxInclusive ? 'at most' : 'less than'} ${formatNumber(upper)}%`;
  if (lowerText !== null && upperText !== null) return `owns ${lowerText} and ${upperText}`;
  const either = lowerText ?? upperText;
  return either === null ? 'owns an unknown share' : `owns ${either}`;
}

// The case's decisions on a time axis. Each date is a button (click or Enter: view the graph as of that
// date); the chosen list's decisions are drawn strong and labelled, others faint; the as-of date is a
// marker. A label that would collide with another is left to the tooltip.
import type { Decision } from '../api-types.ts';
import { h, replaceChildren } from './dom.ts';

export interface TrackInput {
  decisions: readonly Decision[];
  list: string | null;
  asOf: string;
  today: string;
}

const DAY = 86_400_000;
const LABEL_PX = 76; // room for "2019-10-09" in 11 px tabular figures

const when = (decision: Decision): string => decision.effective ?? decision.date;
const time = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

export function renderTrack(container: HTMLElement, { decisions, list, asOf, today }: TrackInput, onPick: (date: string) => void): void {
  if (decisions.length === 0) {
    replaceChildren(container, h('p', { class: 'timeline-empty' }, 'No listing decisions name the entities in view.'));
    return;
  }
  const dates = [...decisions.map(when), asOf];
  const first = Math.min(...dates.map(time));
  const last = Math.max(time(today), ...dates.map(time));
  const margin = Math.max((last - first) * 0.03, 30 * DAY);
  const start = first - margin;
  const span = last + margin - start;
  const x = (iso: string): number => ((time(iso) - start) / span) * 100;
  const width = container.clientWidth || 800;

  const byDate = new Map<string, Decision[]>();
  for (const decision of decisions) byDate.set(when(decision), [...(byDate.get(when(decision)) ?? []), decision]);

  const years: HTMLElement[] = [];
  for (let year = new Date(start).getUTCFullYear() + 1; year <= new Date(start + span).getUTCFullYear(); year += 1) {
    years.push(h('span', { class: 'timeline-year', style: `left:${x(`${year}-01-01`)}%` }, String(year)));
  }

  // Labels above the axis for the chosen list's decisions, additions and removals first; one that would
  // overlap a label already placed is left to the tooltip.
  const groups = [...byDate].sort(([a], [b]) => a.localeCompare(b));
  const onList = (group: Decision[]): Decision[] => group.filter((decision) => decision.listId === list);
  const placed: [number, number][] = [];
  const labelled = new Set<string>();
  const priority = (group: Decision[]): number => (onList(group).some((d) => d.action === 'added' || d.action === 'removed') ? 0 : 1);
  for (const [date, group] of [...groups].filter(([, g]) => onList(g).length > 0).sort(([, a], [, b]) => priority(a) - priority(b))) {
    const px = (x(date) / 100) * width;
    const span: [number, number] = [px - LABEL_PX / 2, px + LABEL_PX / 2];
    if (placed.some(([a, b]) => span[0] < b && a < span[1])) continue;
    placed.push(span);
    labelled.add(date);
  }

  const ticks = groups.map(([date, group]) => {
    const mine = onList(group);
    const action = (mine[0] ?? group[0])!.action;
    const title = group.map((decision) => `${date} · ${decision.action} · ${decision.listName} · ${decision.citation}`).join('\n');
    return h(
      'button',
      {
        type: 'button',
        class: `timeline-tick is-${action}${mine.length > 0 ? ' is-strong' : ''}${date === asOf ? ' is-current' : ''}`,
        style: `left:${x(date)}%`,
        title,
        'aria-label': `View as of ${date}: ${group.map((decision) => `${decision.action} on ${decision.listName} (${decision.citation})`).join('; ')}`,
        'data-date': date,
        onClick: () => onPick(date),
      },
      labelled.has(date) ? h('span', { class: 'timeline-label' }, date) : null,
    );
  });

  replaceChildren(
    container,
    h('div', { class: 'timeline-axis' }, ...years),
    ...ticks,
    h('span', { class: 'timeline-now', style: `left:${x(asOf)}%`, 'aria-hidden': 'true' }),
  );
}

// The case's decisions on a time axis. Each date is a button (click or Enter: view the graph as of that
// date); the chosen list's decisions are drawn strong and labelled, others faint; the as-of date is a
// marker. A label that would collide with the previous one is left to the tooltip.
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

  // Labels above the axis; one that would overlap the previous label is left to the tooltip.
  let lastLabelEnd = -Infinity;
  const ticks = [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, group]) => {
    const onList = group.filter((decision) => decision.listId === list);
    const strong = onList.length > 0;
    const action = (onList[0] ?? group[0])!.action;
    const px = (x(date) / 100) * width;
    const labelled = strong && px - LABEL_PX / 2 >= lastLabelEnd;
    if (labelled) lastLabelEnd = px + LABEL_PX / 2;
    const title = group.map((decision) => `${date} · ${decision.action} · ${decision.listName} · ${decision.citation}`).join('\n');
    return h(
      'button',
      {
        type: 'button',
        class: `timeline-tick is-${action}${strong ? ' is-strong' : ''}${date === asOf ? ' is-current' : ''}`,
        style: `left:${x(date)}%`,
        title,
        'aria-label': `View as of ${date}: ${group.map((decision) => `${decision.action} on ${decision.listName} (${decision.citation})`).join('; ')}`,
        'data-date': date,
        onClick: () => onPick(date),
      },
      labelled ? h('span', { class: 'timeline-label' }, date) : null,
    );
  });

  replaceChildren(
    container,
    h('div', { class: 'timeline-axis' }, ...years),
    ...ticks,
    h('span', { class: 'timeline-now', style: `left:${x(asOf)}%`, 'aria-hidden': 'true' }),
  );
}

// The details pane: one entity's facts, its status and why, expand/collapse, listing decisions and
// sources, with "Open" to re-root the graph on it. It loads its own data so it can show and retry its own
// loading and error states.
import { isAbort } from '../api.ts';
import type { Decision, EntityDetail, Source } from '../api-types.ts';
import { byDateDescending, listsInForce } from './decisions.ts';
import { countryName, h, kindNames, replaceChildren } from './dom.ts';

export interface PanelDeps {
  getEntity: (id: string) => Promise<EntityDetail>;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** The date the view is as of: which listings are "in force". */
  asOf: () => string;
  /** Sections the explorer adds under the title (status and why, expand/collapse). */
  extras: (id: string, detail: EntityDetail) => HTMLElement[];
}

export interface Panel {
  show(id: string, options: { isRoot: boolean }): void;
  close(): void;
  readonly shownId: string | null;
}

export function createPanel(container: HTMLElement, { getEntity, onOpen, onClose, asOf, extras }: PanelDeps): Panel {
  let shownId: string | null = null;
  let inflight: AbortController | null = null;

  container.setAttribute('aria-labelledby', 'panel-title');
  const placeholder = (): void =>
    replaceChildren(container, h('p', { class: 'panel-placeholder' }, 'Select an entity in the graph or the table to see its details, its status and why.'));
  placeholder();
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  const closeButton = (): HTMLButtonElement =>
    h('button', { type: 'button', class: 'icon-button panel-close', 'aria-label': 'Close details', title: 'Close (Esc)', onClick: () => close() }, '×');

  function close(): void {
    inflight?.abort();
    shownId = null;
    placeholder();
    onClose();
  }

  async function show(id: string, { isRoot }: { isRoot: boolean }): Promise<void> {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    shownId = id;
    container.setAttribute('aria-busy', 'true');
    replaceChildren(container, h('div', { class: 'panel-head' }, h('h2', { id: 'panel-title', class: 'panel-title is-loading' }, 'Loading details…'), closeButton()), skeleton());
    try {
      const detail = await getEntity(id);
      if (controller.signal.aborted) return;
      replaceChildren(container, ...renderDetail(detail, { isRoot, today: asOf(), onOpen, closeButton: closeButton(), extras: extras(id, detail) }));
    } catch (error) {
      if (isAbort(error)) return;
      const message = error instanceof Error ? error.message : 'Something went wrong.';
      replaceChildren(
        container,
        h('div', { class: 'panel-head' }, h('h2', { id: 'panel-title', class: 'panel-title' }, 'Details unavailable'), closeButton()),
        h('div', { class: 'panel-error', role: 'alert' }, h('p', {}, message), h('button', { type: 'button', class: 'button', onClick: () => void show(id, { isRoot }) }, 'Retry')),
      );
    } finally {
      if (inflight === controller) {
        inflight = null;
        container.removeAttribute('aria-busy');
      }
    }
  }

  return {
    show: (id, options) => void show(id, options),
    close,
    get shownId() {
      return shownId;
    },
  };
}

function skeleton(): HTMLElement {
  return h('div', { class: 'panel-skeleton', 'aria-hidden': 'true' }, h('span', {}), h('span', {}), h('span', {}));
}

interface RenderOptions {
  isRoot: boolean;
  today: string;
  onOpen: (id: string) => void;
  closeButton: HTMLButtonElement;
  extras: HTMLElement[];
}

function renderDetail({ entity, decisions, sources }: EntityDetail, { isRoot, today, onOpen, closeButton, extras }: RenderOptions): HTMLElement[] {
  const sourceNumber = new Map(sources.map((source, index) => [source.id, index + 1]));
  const inForce = listsInForce(decisions, today);
  const meta = [kindNames[entity.kind] ?? entity.kind, countryName(entity.country)].filter(Boolean).join(' · ');

  const head = h(
    'div',
    { class: 'panel-head' },
    h('div', {}, h('p', { class: 'panel-kicker' }, meta), h('h2', { id: 'panel-title', class: 'panel-title', tabindex: '-1' }, entity.name)),
    closeButton,
  );
  const actions = h(
    'div',
    { class: 'panel-actions' },
    isRoot
      ? h('p', { class: 'panel-note' }, 'The graph is centred on this entity.')
      : h('button', { type: 'button', class: 'button button-primary', 'data-action': 'open', onClick: () => onOpen(entity.id) }, 'Open', h('span', { class: 'visually-hidden' }, ` ${entity.name}`), ' — centre the graph here'),
  );
  const status =
    inForce.length > 0
      ? h(
          'div',
          { class: 'panel-status is-listed' },
          h('span', { class: 'pill pill-listed' }, 'Listed'),
          h('span', {}, `On ${today}: `, inForce.map((list) => `${list.listName} since ${list.since}`).join('; ')),
        )
      : null;
  const identifiers =
    entity.identifiers.length > 0
      ? section('Identifiers', h('dl', { class: 'identifiers' }, ...entity.identifiers.flatMap((id) => [h('dt', {}, id.scheme), h('dd', {}, h('code', {}, id.value))])))
      : null;

  const sections: (HTMLElement | null)[] = [
    ...extras,
    entity.description ? section('About', h('p', { class: 'panel-description' }, entity.description)) : null,
    entity.aliases.length > 0
      ? section('Also known as', h('ul', { class: 'plain-list' }, ...entity.aliases.map((alias) => h('li', { lang: /\p{Script=Han}/u.test(alias) ? 'zh' : null }, alias))))
      : null,
    identifiers,
    section(
      `Listing decisions (${decisions.length})`,
      decisions.length > 0
        ? h('ol', { class: 'decisions' }, ...[...decisions].sort(byDateDescending).map((decision) => decisionItem(decision, sourceNumber)))
        : h('p', { class: 'panel-note' }, 'No listing decisions name this entity.'),
    ),
    section(
      `Sources (${sources.length})`,
      sources.length > 0 ? h('ol', { class: 'sources' }, ...sources.map(sourceItem)) : h('p', { class: 'panel-note' }, 'No sources recorded.'),
    ),
  ];
  return [head, h('div', { class: 'panel-body' }, actions, status, ...sections)];
}

export function section(title: string, body: HTMLElement): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), body);
}

const actionNames: Record<Decision['action'], string> = {
  added: 'Added',
  removed: 'Removed',
  amended: 'Amended',
  proposed: 'Proposed',
  reported: 'Reported',
};

function decisionItem(decision: Decision, sourceNumber: Map<string, number>): HTMLLIElement {
  const dates = decision.effective && decision.effective !== decision.date ? `${decision.date}, effective ${decision.effective}` : decision.date;
  const refs = decision.sourceIds.map((id) => sourceNumber.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
  return h(
    'li',
    { class: `decision is-${decision.action}` },
    h('div', { class: 'decision-head' }, h('span', { class: `pill pill-action-${decision.action}` }, actionNames[decision.action]), h('strong', {}, decision.listName)),
    h('p', { class: 'decision-meta' }, h('time', { datetime: decision.effective ?? decision.date }, dates), decision.citation ? ` · ${decision.citation}` : ''),
    decision.summary ? h('p', { class: 'decision-summary' }, decision.summary) : null,
    refs.length > 0 ? h('p', { class: 'decision-refs' }, 'Sources: ', ...refs.flatMap((n, i) => [i > 0 ? ', ' : '', h('a', { href: `#source-${n}` }, `[${n}]`)])) : null,
  );
}

function sourceItem(source: Source, index: number): HTMLLIElement {
  const title = isWebUrl(source.url) ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title) : h('span', {}, source.title);
  const meta = [source.publisher, source.date].filter(Boolean).join(' · ');
  return h(
    'li',
    { id: `source-${index + 1}`, class: 'source' },
    h('span', { class: 'source-title' }, title),
    h('span', { class: 'source-meta' }, meta),
    source.file ? h('span', { class: 'source-file' }, 'File: ', h('code', {}, source.file)) : null,
  );
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) stays text. */
function isWebUrl(url: string | null): url is string {
  if (!url) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

// "Why": the engine's determination for the selected entity on the chosen list and date — its status,
// the engine's sentence, the decisions it rests on (with links to their citations and sources) and the
// ownership and control facts of its proof (with their sources). The proof subgraph is highlighted.
import type { Api } from '../api.ts';
import { isAbort } from '../api.ts';
import type { Decision, DecisionRef, Determination, GraphEdge, Source } from '../api-types.ts';
import type { EntityCache } from '../data/entity-cache.ts';
import type { Highlight } from '../graph/highlight.ts';
import { relationshipSentence } from '../graph/stake-label.ts';
import { citationUrl, isWebUrl } from './citations.ts';
import { h, replaceChildren } from './dom.ts';
import { statusPill } from './status-pill.ts';

export interface WhyDeps {
  api: Pick<Api, 'getEntityExposure'>;
  cache: EntityCache;
  edge: (id: string) => GraphEdge | undefined;
  name: (id: string) => string;
  onProof: (proof: Highlight | null) => void;
  /** Whether to highlight the proof at once (a node the user chose) or only on request (the root on opening). */
  showAtOnce: boolean;
}

export function whyExposedSection({ api, cache, edge, name, onProof, showAtOnce }: WhyDeps, id: string, list: string, asOf: string): HTMLElement {
  const body = h('div', { class: 'why-body', 'aria-busy': 'true' }, h('p', { class: 'panel-note' }, 'Asking the exposure engine…'));
  const root = h('section', { class: 'panel-section why', 'data-section': 'why' }, h('h3', {}, `Status on ${asOf}`), body);
  const controller = new AbortController();
  void (async () => {
    try {
      const answer = await api.getEntityExposure(id, { asOf, list }, controller.signal);
      const determination = answer.determinations.find((d) => d.list === list) ?? answer.determinations[0];
      if (!determination) throw new Error('The engine gave no determination for this list.');
      replaceChildren(body, ...(await renderDetermination(determination, { cache, edge, name, onProof, showAtOnce })));
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(body, h('p', { class: 'panel-error', role: 'alert' }, `The exposure engine could not answer: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      body.removeAttribute('aria-busy');
    }
  })();
  return root;
}

async function renderDetermination(d: Determination, { cache, edge, name, onProof, showAtOnce }: Omit<WhyDeps, 'api'>): Promise<HTMLElement[]> {
  const head = h('p', { class: `why-status is-${d.status}` }, statusPill(d.status), h('span', {}, d.listName));
  if (d.status === 'clear' || !d.explanation) {
    if (showAtOnce) onProof(null);
    return [head, h('p', { class: 'panel-note' }, d.ruleInForce ? 'Neither listed nor captured by the list’s ownership rule on this date.' : 'Not listed on this date; the list’s ownership rule is not in force on this date.')];
  }
  const proof = { nodes: d.explanation.nodes, edges: d.explanation.edges };
  let shown = showAtOnce;
  const toggle = h('button', { type: 'button', class: 'button button-quiet', 'data-action': 'toggle-proof' });
  const setShown = (on: boolean): void => {
    shown = on;
    onProof(on ? proof : null);
    toggle.textContent = on ? 'Hide proof on graph' : 'Highlight proof on graph';
    toggle.setAttribute('aria-pressed', String(on));
  };
  toggle.addEventListener('click', () => setShown(!shown));
  setShown(showAtOnce);

  // Sources are known from the details of the entities in the proof (they carry their decisions' and
  // most facts' sources); a source id found nowhere is shown as its id.
  const details = await Promise.all(d.explanation.nodes.map((id) => cache.get(id).catch(() => null)));
  const sources = new Map<string, Source>();
  const decisions = new Map<string, Decision>();
  for (const detail of details) {
    for (const source of detail?.sources ?? []) sources.set(source.id, source);
    for (const decision of detail?.decisions ?? []) decisions.set(decision.id, decision);
  }
  const facts = d.explanation.edges.map((edgeId) => edge(edgeId)).filter((e): e is GraphEdge => e !== undefined);

  return [
    head,
    h('blockquote', { class: 'why-sentence' }, d.explanation.sentence),
    h('div', { class: 'why-actions' }, toggle, h('span', { class: 'panel-note' }, `Proof: ${plural(proof.nodes.length, 'entity', 'entities')}, ${plural(proof.edges.length, 'relationship', 'relationships')}`)),
    d.explanation.decisions.length > 0
      ? h('div', { class: 'why-group' }, h('h4', {}, 'Decisions'), h('ul', { class: 'why-list' }, ...d.explanation.decisions.map((ref) => decisionLine(ref, decisions.get(ref.id), sources))))
      : null,
    facts.length > 0
      ? h('div', { class: 'why-group' }, h('h4', {}, 'Ownership and control'), h('ul', { class: 'why-list' }, ...facts.map((fact) => factLine(fact, name, sources))))
      : null,
  ].filter((x): x is HTMLQuoteElement | HTMLParagraphElement | HTMLDivElement => x !== null);
}

function decisionLine(ref: DecisionRef, full: Decision | undefined, sources: Map<string, Source>): HTMLLIElement {
  const url = citationUrl(ref.citation);
  const citation = url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'citation' }, ref.citation) : h('span', { class: 'citation' }, ref.citation);
  return h(
    'li',
    { 'data-decision-id': ref.id },
    h('span', { class: 'why-line' }, citation, ` · ${ref.action} ${ref.effective ?? ref.date}`),
    sourceLinks(full?.sourceIds ?? [], sources),
  );
}

function factLine(fact: GraphEdge, name: (id: string) => string, sources: Map<string, Source>): HTMLLIElement {
  return h('li', { 'data-edge-id': fact.id }, h('span', { class: 'why-line' }, relationshipSentence(fact, name(fact.source), name(fact.target))), sourceLinks(fact.sourceIds, sources));
}

function sourceLinks(ids: readonly string[], sources: Map<string, Source>): HTMLElement | null {
  if (ids.length === 0) return h('span', { class: 'why-sources is-missing' }, 'No source recorded');
  return h(
    'span',
    { class: 'why-sources' },
    'Source: ',
    ...ids.flatMap((id, i) => {
      const source = sources.get(id);
      const label = source ? `${source.publisher}${source.date ? `, ${source.date}` : ''}` : id;
      const link = source && isWebUrl(source.url) ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', title: source.title }, label) : h('span', { title: source?.title ?? id }, label);
      return [i > 0 ? '; ' : '', link];
    }),
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

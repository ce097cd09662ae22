// The investigator's journey through the Hikvision case in a real Chromium against the real app on the
// seeded Neo4j: search, open, replay the case by date, ask why, compare dates, find a path, export, read
// the table, share a link, survive an API outage. Screenshots of each state go to tests/e2e/artifacts/
// for a human to look at; a passing run on a broken-looking screen is not a pass.
//
// By default the app is started with startTestServer() (test Neo4j, Hikvision seed, dist/client — run
// `npm run build` first). E2E_BASE_URL=http://host:port points the test at an already running instance.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import {
  clickNode,
  nodeData,
  nodeIds,
  openSession,
  panelTitleStartsWith,
  SETUP_TIMEOUT,
  shot,
  STEP_TIMEOUT,
  waitForGraph,
  waitForStatuses,
  waitForView,
  type Session,
  type TestWindow,
} from './browser.js';

const SEED = fileURLToPath(new URL('../../seed/hikvision/', import.meta.url));
interface SeedEntity {
  id: string;
  name: string;
}
interface SeedDecision {
  id: string;
  listId: string;
  action: string;
  effective: string | null;
  date: string;
  citation: string;
  entityIds: string[];
  sourceIds: string[];
}
interface SeedOwnership {
  owner: string;
  owned: string;
  percent: number | null;
  start: string | null;
  end: string | null;
}
const read = <T>(file: string): T => JSON.parse(readFileSync(`${SEED}${file}`, 'utf8')) as T;
const entities = read<SeedEntity[]>('entities.json');
const sources = read<{ id: string; publisher: string; url: string | null }[]>('sources.json');
const decisions = read<SeedDecision[]>('decisions.json');
const ownership = read<SeedOwnership[]>('ownership.json');
const nameOf = (id: string): string => entities.find((e) => e.id === id)!.name;

const ROOT = 'hikvision';
const LIST = 'us-bis-entity-list';
/** The 2023 Entity List rule naming Hikvision's five Xinjiang subsidiaries. */
const RULE = decisions.find((d) => d.listId === LIST && d.action === 'added' && d.entityIds.some((id) => id.includes('haishi')))!;
const HAISHI = RULE.entityIds.filter((id) => id.includes('haishi'));
const RULE_DATE = RULE.effective ?? RULE.date;
const AFTER = '2024-01-01';
/** The client's default date, as it computes it. */
const TODAY = new Date().toISOString().slice(0, 10);
const BEFORE = '2023-01-01';
const holdsOn = (o: SeedOwnership, day: string): boolean => (o.start === null || o.start <= day) && (o.end === null || day < o.end);
/** Hikvision's largest known shareholder on AFTER. */
const TOP = ownership.filter((o) => o.owned === ROOT && o.percent !== null && holdsOn(o, AFTER)).sort((a, b) => b.percent! - a.percent!)[0]!;
const SUBSIDIARY = HAISHI[1]!;
/** The subsidiary's other shareholder (its local-government vehicle): off the view until its owners are expanded. */
const CO_OWNER = ownership.find((o) => o.owned === SUBSIDIARY && o.owner !== ROOT)!.owner;
const inGraph = (page: Page, id: string): Promise<boolean> => page.evaluate((node) => (window as unknown as TestWindow).__cy.getElementById(node).nonempty(), id);

const statusOf = (ids: string[], status: string): Record<string, string> => Object.fromEntries(ids.map((id) => [id, status]));

async function setAsOf(page: Page, date: string): Promise<void> {
  await page.locator('#as-of').fill(date);
  await waitForView(page, ROOT, LIST, date);
}

async function pick(page: Page, prefix: string, text: string, id: string): Promise<void> {
  const input = page.locator(`#${prefix}-input`);
  await input.fill('');
  await input.pressSequentially(text, { delay: 20 });
  await page.locator(`#${prefix}-results [data-entity-id="${id}"]`).click();
}

describe('the Hikvision case in the browser', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await openSession();
    page = s.page;
    const seeded = await fetch(`${s.baseUrl}/api/v1/entities/${ROOT}`);
    if (seeded.status !== 200) throw new Error(`GET /api/v1/entities/${ROOT} answered ${seeded.status}: is the Hikvision seed loaded (tests/support/global-setup.ts)?`);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await s?.close();
  }, SETUP_TIMEOUT);

  afterEach(() => {
    expect(s.errors).toEqual([]);
  });

  test('the seed has what this test relies on', () => {
    expect(HAISHI).toHaveLength(5);
    expect(RULE.citation).toBe('88 FR 18983');
    expect(TOP.owner).toBeTruthy();
  });

  test('before anything is chosen the page explains what to do', async () => {
    await page.goto(s.baseUrl);
    await expect(page.locator('#view-status[data-state="empty"]').textContent()).resolves.toContain('Search for a company');
    await expect(page.title()).resolves.toBe('Ownership Explorer');
    await shot(page, '01-empty');
  }, STEP_TIMEOUT);

  test('a Chinese name finds Hikvision by its alias', async () => {
    await page.locator('#search-input').pressSequentially('海康威视', { delay: 30 });
    const option = page.locator(`#search-results [data-entity-id="${ROOT}"]`);
    await option.waitFor();
    await expect(option.locator('.search-option-alias').textContent()).resolves.toContain('海康威视');
    await page.locator('#search-input').fill('');
  }, STEP_TIMEOUT);

  test('typing "Hikvision" lists it with kind, country, identifier and its Entity List status; the keyboard opens it', async () => {
    await page.locator('#search-input').pressSequentially('Hikvision', { delay: 30 });
    const option = page.locator(`#search-results [data-entity-id="${ROOT}"]`);
    await option.waitFor();
    await expect(option.textContent()).resolves.toMatch(/Company · China \(CN\) · SZSE 002415/);
    await expect(option.locator('[data-status="listed"]').count()).resolves.toBe(1);
    await expect(option.locator('svg.kind-icon').count()).resolves.toBe(1);
    await shot(page, '02-search-results');

    const position = await page.locator('#search-results [role="option"]').evaluateAll((options, id) => options.findIndex((o) => o.getAttribute('data-entity-id') === id), ROOT);
    for (let i = 0; i <= position; i += 1) await page.keyboard.press('ArrowDown');
    await expect(page.locator('#search-input').getAttribute('aria-activedescendant')).resolves.toBe(`search-option-${position}`);
    await page.keyboard.press('Enter');
    await waitForGraph(page, ROOT);
    await waitForView(page, ROOT, LIST, TODAY);
    expect(new URL(page.url()).searchParams.get('entity')).toBe(ROOT);
    expect(await nodeIds(page)).toEqual(expect.arrayContaining([ROOT, ...HAISHI, TOP.owner]));
  }, STEP_TIMEOUT);

  test(`as of ${AFTER} the five subsidiaries are listed on the Entity List, badged with the rule's date`, async () => {
    await expect(page.locator('#list-select').inputValue()).resolves.toBe(LIST);
    await setAsOf(page, AFTER);
    await waitForStatuses(page, { ...statusOf(HAISHI, 'listed'), [ROOT]: 'listed' });
    await page.waitForFunction((id) => String((window as unknown as TestWindow).__cy.getElementById(id).data('badgeText') ?? '').includes('20'), HAISHI[0]!);
    for (const id of HAISHI) expect((await nodeData(page, id)).badge).toBe(`LISTED ${RULE_DATE}`);
    // Top-down: the top shareholder above the root, the subsidiaries below, stakes on the edges.
    const layout = await page.evaluate(
      ({ root, haishi, top }) => {
        const cy = (window as unknown as TestWindow).__cy;
        const y = (id: string): number => cy.getElementById(id).position('y');
        const edge = cy.edges().filter((e) => e.source().id() === root && e.target().id() === haishi[0]).first();
        return { ownerAbove: y(top) < y(root), subsidiariesBelow: haishi.every((id) => y(id) > y(root)), unknownStake: edge.data('label') };
      },
      { root: ROOT, haishi: HAISHI, top: TOP.owner },
    );
    expect(layout).toEqual({ ownerAbove: true, subsidiariesBelow: true, unknownStake: '?' });
    // The timeline shows the case's decisions, the 2019 and 2023 Entity List additions among them.
    await page.locator(`.timeline-tick[data-date="${RULE_DATE}"]`).waitFor();
    await expect(page.locator('.timeline-tick[data-date="2019-10-09"]').count()).resolves.toBe(1);
    await shot(page, '03-graph-2024');
  }, STEP_TIMEOUT);

  test(`as of ${BEFORE} the same subsidiaries are clear; the timeline tick of the rule brings the listing back`, async () => {
    await setAsOf(page, BEFORE);
    await waitForStatuses(page, { ...statusOf(HAISHI, 'clear'), [ROOT]: 'listed' });
    for (const id of HAISHI) expect(await nodeData(page, id)).toEqual({ classes: expect.not.arrayContaining(['listed']), badge: null });
    // The details pane follows the date too.
    await page.waitForFunction((d) => document.querySelector('[data-section="why"] h3')?.textContent === `Status on ${d}`, BEFORE);
    await shot(page, '04-graph-2023');

    await page.locator(`.timeline-tick[data-date="${RULE_DATE}"]`).click();
    await waitForView(page, ROOT, LIST, RULE_DATE);
    await waitForStatuses(page, statusOf(HAISHI, 'listed'));
    await expect(page.locator('#as-of').inputValue()).resolves.toBe(RULE_DATE);
    await setAsOf(page, AFTER);
  }, STEP_TIMEOUT);

  test('selecting a listed subsidiary explains why, names the decision with its citation, and highlights the proof', async () => {
    await waitForView(page, ROOT, LIST, AFTER); // the date set by the previous step has finished loading
    await clickNode(page, SUBSIDIARY);
    await panelTitleStartsWith(page, nameOf(SUBSIDIARY).slice(0, 20));
    const why = page.locator('[data-section="why"]');
    await why.locator('.why-sentence').waitFor();
    await expect(why.locator('.why-sentence').textContent()).resolves.toContain(RULE.citation);
    await expect(why.locator('[data-status="listed"]').count()).resolves.toBe(1);
    const citation = why.locator(`[data-decision-id="${RULE.id}"] a.citation`);
    await expect(citation.getAttribute('href')).resolves.toBe('https://www.federalregister.gov/citation/88-FR-18983');
    // Each of the decision's sources is named (a link where the source has a web address).
    const sourceText = await why.locator(`[data-decision-id="${RULE.id}"] .why-sources`).textContent();
    for (const id of RULE.sourceIds) expect(sourceText).toContain(sources.find((x) => x.id === id)!.publisher);
    // The proof is drawn once the engine's answer for the selection arrives, which may follow the sentence.
    await page
      .waitForFunction(() => (window as unknown as TestWindow).__cy.$('.highlight').length > 0, undefined, { timeout: 20_000 })
      .catch(() => undefined); // the assertion below reports what was drawn
    const marks = await page.evaluate((id) => {
      const cy = (window as unknown as TestWindow).__cy;
      return { highlighted: cy.$('.highlight').map((e) => e.id()), fadedRoot: cy.getElementById('hikvision').hasClass('faded') };
    }, SUBSIDIARY);
    expect(marks).toEqual({ highlighted: [SUBSIDIARY], fadedRoot: true });
    expect(new URL(page.url()).searchParams.get('sel')).toBe(SUBSIDIARY);
    await shot(page, '05-why-exposed');
  }, STEP_TIMEOUT);

  test('"what changed" between the two dates lists the five subsidiaries, caused by the rule, and marks them', async () => {
    await page.locator('#tab-changes').click();
    await page.locator('#changes-from').fill(BEFORE);
    await page.locator('#changes-to').fill(AFTER);
    await page.locator('[data-action="compare"]').click();
    await page.locator('.change').first().waitFor();
    const listed = await page.locator('.change').evaluateAll((items) => items.map((li) => li.getAttribute('data-entity-id')));
    // The list covers the whole database; other suites' imported test data may change on these dates too.
    const seeded = new Set(entities.map((e) => e.id));
    expect(listed.filter((id) => id !== null && seeded.has(id)).sort()).toEqual([...HAISHI].sort());
    await expect(page.locator(`.change[data-entity-id="${HAISHI[0]}"]`).textContent()).resolves.toContain(RULE.citation);
    const changed = await page.evaluate(() => (window as unknown as TestWindow).__cy.$('.changed').map((n) => n.id()));
    expect(changed.sort()).toEqual([...HAISHI].sort());
    await shot(page, '06-what-changed');
  }, STEP_TIMEOUT);

  test('the path finder finds the ownership chain from the top shareholder to a subsidiary', async () => {
    await page.locator('#tab-paths').click();
    await pick(page, 'path-from', nameOf(TOP.owner), TOP.owner);
    await pick(page, 'path-to', nameOf(SUBSIDIARY), SUBSIDIARY);
    await page.locator('[data-action="find-paths"]').click();
    const first = page.locator('.path').first();
    await first.waitFor({ timeout: 30_000 });
    const chain = await first.locator('.path-step [data-entity-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-entity-id')));
    expect(chain).toEqual([TOP.owner, ROOT, SUBSIDIARY]);
    const highlighted = await page.evaluate(() => (window as unknown as TestWindow).__cy.nodes('.highlight').map((n) => n.id()));
    expect(highlighted.sort()).toEqual([TOP.owner, ROOT, SUBSIDIARY].sort());
    await shot(page, '07-paths');
    await page.locator('.pane-paths button', { hasText: 'Clear' }).click();
  }, STEP_TIMEOUT);

  test('exports download and parse: Cytoscape JSON and GraphML of the entities in view, PNG and SVG of the view', async () => {
    const inView = (await nodeIds(page)).sort();
    const download = async (format: string): Promise<string> => {
      if (!(await page.locator('.export-menu').evaluate((menu) => (menu as HTMLDetailsElement).open))) await page.locator('.export-menu > summary').click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${format}"]`).click()]);
      return readFileSync((await file.path())!, format === 'png' ? 'latin1' : 'utf8');
    };
    await page.locator('.export-menu > summary').click();
    await shot(page, '08-export-menu');

    const cyjs = JSON.parse(await download('cyjs')) as { elements: { nodes: { data: { id: string } }[] } };
    expect(cyjs.elements.nodes.map((n) => n.data.id).sort()).toEqual(inView);

    const graphml = new DOMParser().parseFromString(await download('graphml'), 'text/xml');
    const ids = Array.from(graphml.getElementsByTagName('node')).map((n) => n.getAttribute('id'));
    expect(ids.sort()).toEqual(inView);

    expect((await download('png')).slice(1, 4)).toBe('PNG');
    const svg = new DOMParser().parseFromString(await download('svg'), 'image/svg+xml');
    expect(svg.documentElement?.nodeName).toBe('svg');
  }, STEP_TIMEOUT);

  test('the table view lists the same entities as the graph, sorts, and is keyboard reachable', async () => {
    await page.keyboard.press('Escape');
    await page.locator('[data-mode="table"]').click();
    const tableIds = await page.locator('.entities-table tbody button[data-entity-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-entity-id')));
    expect(tableIds.sort()).toEqual((await nodeIds(page)).sort());
    await page.locator('.entities-table [data-sort="status"]').click();
    await expect(page.locator('.entities-table th[aria-sort="ascending"]').textContent()).resolves.toContain('Status');
    const firstStatus = await page.locator('.entities-table tbody tr').first().locator('[data-status]').getAttribute('data-status');
    expect(firstStatus).toBe('listed');
    await page.locator(`.entities-table button[data-entity-id="${HAISHI[0]}"]`).focus();
    await page.keyboard.press('Enter');
    await panelTitleStartsWith(page, nameOf(HAISHI[0]!).slice(0, 20));
    expect(new URL(page.url()).searchParams.get('view')).toBe('table');
    await shot(page, '09-table');
    await page.locator('[data-mode="graph"]').click();
  }, STEP_TIMEOUT);

  test('hiding and showing the root’s subsidiaries collapses and expands them', async () => {
    await clickNode(page, ROOT);
    await panelTitleStartsWith(page, nameOf(ROOT).slice(0, 20));
    await page.locator('[data-action="collapse-down"]').click();
    await page.waitForFunction((ids) => ids.every((id) => (window as unknown as TestWindow).__cy.getElementById(id).empty()), HAISHI);
    await page.locator('[data-action="expand-down"]').click();
    await page.waitForFunction((ids) => ids.every((id) => (window as unknown as TestWindow).__cy.getElementById(id).nonempty()), HAISHI);
  }, STEP_TIMEOUT);

  test('expanding a subsidiary’s owners is kept in the URL, and a reload shows the expansion again', async () => {
    // The step before ends as its expansion is drawn: wait until it is placed before clicking a node.
    await page.waitForFunction(() => /shown\.|No further/.test(document.querySelector('.toolbar-caption')?.textContent ?? ''));
    expect(await inGraph(page, CO_OWNER)).toBe(false);
    await clickNode(page, SUBSIDIARY);
    await panelTitleStartsWith(page, nameOf(SUBSIDIARY).slice(0, 20));
    await page.locator('[data-action="expand-up"]').click();
    await page.waitForFunction((id) => (window as unknown as TestWindow).__cy.getElementById(id).nonempty(), CO_OWNER);
    // (The step before expanded the root's subsidiaries again, which is in the URL too.)
    expect(new URL(page.url()).searchParams.get('exp')?.split(',')).toContain(`${SUBSIDIARY}:up`);
    await page.reload();
    await waitForGraph(page, ROOT);
    await page.waitForFunction((id) => (window as unknown as TestWindow).__cy.getElementById(id).nonempty(), CO_OWNER);
    const edge = await page.evaluate(([owner, owned]) => (window as unknown as TestWindow).__cy.edges(`[source = "${owner}"][target = "${owned}"]`).length, [CO_OWNER, SUBSIDIARY]);
    expect(edge).toBe(1);
    await page.locator('[data-section="why"] .why-status').waitFor();
    await shot(page, '09b-expansion-restored');
  }, STEP_TIMEOUT);

  test('a shared link restores entity, list, date, depth, selection, view, expansions and the path finder’s paths', async () => {
    const path = `${TOP.owner},${SUBSIDIARY},own,6`;
    const link = `${s.baseUrl}/?entity=${ROOT}&list=${LIST}&asOf=${BEFORE}&depth=2&sel=${SUBSIDIARY}&exp=${SUBSIDIARY}:up&path=${path}`;
    const other = await s.browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await other.goto(link);
      await waitForGraph(other, ROOT);
      await waitForView(other, ROOT, LIST, BEFORE);
      await waitForStatuses(other, statusOf(HAISHI, 'clear'));
      await panelTitleStartsWith(other, nameOf(SUBSIDIARY).slice(0, 20));
      await expect(other.locator('#as-of').inputValue()).resolves.toBe(BEFORE);
      await expect(other.locator('#list-select').inputValue()).resolves.toBe(LIST);
      await expect(other.locator('#depth-select').inputValue()).resolves.toBe('2');
      await expect(other.evaluate(() => (window as unknown as TestWindow).__cy.$(':selected').map((n) => n.id()))).resolves.toEqual([SUBSIDIARY]);
      await other.locator('[data-section="why"] .why-status').waitFor();
      expect(await inGraph(other, CO_OWNER)).toBe(true);
      // The path question is asked again at the link's date: the chain is highlighted and listed.
      await other.waitForFunction(
        (ids) => {
          const cy = (window as unknown as TestWindow).__cy;
          return ids.every((id) => cy.getElementById(id).hasClass('highlight'));
        },
        [TOP.owner, ROOT, SUBSIDIARY],
      );
      await other.locator('#tab-paths').click();
      const chain = await other.locator('.path').first().locator('.path-step [data-entity-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-entity-id')));
      expect(chain).toEqual([TOP.owner, ROOT, SUBSIDIARY]);
      await expect(other.locator('#path-from-input').inputValue()).resolves.toBe(nameOf(TOP.owner));
      await shot(other, '10b-deep-link-paths');
      await other.locator('#tab-details').click();
      await shot(other, '10-deep-link');
    } finally {
      await other.close();
    }
  }, STEP_TIMEOUT);

  test('an unreachable API shows a clear message and Retry brings the graph back', async () => {
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.reload();
    const status = page.locator('#view-status[data-state="error"]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain('Cannot reach the server');
    await shot(page, '11-api-down');

    await page.unroute('**/api/**');
    await status.locator('[data-action="retry"]').click();
    await waitForGraph(page, ROOT);
    expect(await nodeIds(page)).toEqual(expect.arrayContaining(HAISHI));
  }, STEP_TIMEOUT);

  test('a search with no match says so', async () => {
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').pressSequentially('qqzzxxnomatch', { delay: 10 });
    await page.locator('.search-message.is-empty').waitFor();
    await expect(page.locator('.search-message').textContent()).resolves.toContain('No entities match');
    await shot(page, '12-no-results');
  }, STEP_TIMEOUT);
});

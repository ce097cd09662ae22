// The Hikvision case in a real Chromium against the real app: search, open, read the graph, inspect a node,
// re-root, go back, reload, and survive an API outage. Screenshots go to tests/e2e/artifacts/ for a human
// to look at; a passing run on a broken-looking screen is not a pass.
//
// By default the app is started with startTestServer() (test Neo4j, Hikvision seed, dist/client — run
// `npm run build` first). E2E_BASE_URL=http://host:port points the test at an already running instance.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SEED = fileURLToPath(new URL('../../seed/hikvision/', import.meta.url));

const ROOT = 'hikvision';
const ROOT_NAME = 'Hangzhou Hikvision Digital Technology';
/** The five Xinjiang subsidiaries added to the Entity List on 2023-03-28; Hikvision's stakes are unknown. */
const HAISHI = ['luopu-haishi-dingxin', 'moyu-haishi', 'pishan-haishi-yongan', 'urumqi-haishi-xinan', 'yutian-haishi-meitian'];

interface SeedEntity {
  id: string;
  name: string;
}
interface SeedOwnership {
  owner: string;
  owned: string;
  percent: number | null;
  start: string | null;
  end: string | null;
}
const seedEntities = JSON.parse(readFileSync(`${SEED}entities.json`, 'utf8')) as SeedEntity[];
const seedOwnership = JSON.parse(readFileSync(`${SEED}ownership.json`, 'utf8')) as SeedOwnership[];
const today = new Date().toISOString().slice(0, 10);
const holdsToday = (o: SeedOwnership): boolean => (o.start === null || o.start <= today) && (o.end === null || today < o.end);

type TestWindow = Window & { __cy: Core };

// Jest applies `testTimeout` from the root config only, not per project, so the e2e budgets are set here:
// starting the app (schema + seed) and Chromium, then each step of a real browser session.
const SETUP_TIMEOUT = 120_000;
const STEP_TIMEOUT = 60_000;

interface EdgeInfo {
  source: string;
  target: string;
  type: string;
  label: string;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Waits until the graph shows `root` as its root with every node laid out and no overlay in front of it. */
async function waitForGraph(page: Page, root: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const cy = (window as unknown as TestWindow).__cy;
      const status = document.getElementById('view-status');
      return cy !== undefined && cy.getElementById(id).hasClass('root') && cy.nodes().length > 1 && status?.hidden === true;
    },
    root,
    { timeout: 30_000 },
  );
}

async function edges(page: Page): Promise<EdgeInfo[]> {
  return page.evaluate(() =>
    (window as unknown as TestWindow).__cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), type: String(e.data('type')), label: String(e.data('label')) })),
  );
}

async function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as TestWindow).__cy.nodes().map((n) => n.id()));
}

/** Clicks a node where it is drawn on the canvas, as a user would. */
async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = (window as unknown as TestWindow).__cy;
    const node = cy.getElementById(nodeId);
    const box = cy.container()!.getBoundingClientRect();
    const { x, y } = node.renderedPosition();
    return { x: box.left + x, y: box.top + y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `${ARTIFACTS}${name}.png` });

describe('Hikvision ownership in the browser', () => {
  let server: TestServer | null = null;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (process.env.E2E_BASE_URL) baseUrl = process.env.E2E_BASE_URL;
    else {
      server = await startTestServer();
      baseUrl = server.baseUrl;
    }
    // The seed is loaded once per run by the global setup; say so plainly if it is missing.
    const seeded = await fetch(`${baseUrl}/api/v1/entities/${ROOT}`);
    if (seeded.status !== 200) throw new Error(`GET /api/v1/entities/${ROOT} answered ${seeded.status}: is the Hikvision seed loaded (tests/support/global-setup.ts)?`);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // Failed requests are expected while the outage test blocks the API; anything else is a bug.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, SETUP_TIMEOUT);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  test('the seed has the five Haishi subsidiaries this test looks for', () => {
    const ids = new Set(seedEntities.map((e) => e.id));
    expect(HAISHI.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.has(ROOT)).toBe(true);
  });

  test('before anything is chosen the page explains what to do', async () => {
    await page.goto(baseUrl);
    await expect(page.locator('#view-status[data-state="empty"]').textContent()).resolves.toContain('Search for a company');
    await expect(page.title()).resolves.toBe('Ownership Explorer');
    await shot(page, '01-empty');
  }, STEP_TIMEOUT);

  test('typing "Hikvision" lists Hangzhou Hikvision Digital Technology, marked as listed', async () => {
    await page.locator('#search-input').pressSequentially('Hikvision', { delay: 30 });
    const option = page.locator('[role="option"]', { hasText: ROOT_NAME });
    await option.waitFor();
    await expect(option.getAttribute('data-entity-id')).resolves.toBe(ROOT);
    await expect(option.textContent()).resolves.toMatch(/Company · China \(CN\)/);
    await expect(option.locator('.pill-listed').count()).resolves.toBe(1);
    await expect(page.locator('#search-input').getAttribute('aria-expanded')).resolves.toBe('true');
    await shot(page, '02-search-results');
  }, STEP_TIMEOUT);

  test('picking it draws its owners above and the five Haishi subsidiaries below, with ? stakes', async () => {
    await page.locator('[role="option"]', { hasText: ROOT_NAME }).click();
    await waitForGraph(page, ROOT);
    expect(new URL(page.url()).searchParams.get('entity')).toBe(ROOT);

    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining([ROOT, ...HAISHI]));
    const all = await edges(page);
    for (const id of HAISHI) {
      const fromRoot = all.filter((e) => e.source === ROOT && e.target === id && e.type === 'OWNS');
      expect(fromRoot).toEqual([{ source: ROOT, target: id, type: 'OWNS', label: '?' }]);
    }

    // Known stakes are printed as the seed states them (the one in force today).
    const cethik = seedOwnership.filter((o) => o.owner === 'cethik' && o.owned === ROOT && holdsToday(o));
    expect(cethik).toHaveLength(1);
    expect(all.find((e) => e.source === 'cethik' && e.target === ROOT && e.type === 'OWNS')?.label).toBe(`${cethik[0]!.percent}%`);

    // Top-down: owners above the root, subsidiaries below; listed entities and the root are marked.
    const layout = await page.evaluate(
      ({ root, haishi }) => {
        const cy = (window as unknown as TestWindow).__cy;
        const y = (id: string): number => cy.getElementById(id).position('y');
        return {
          ownerAbove: y('cethik') < y(root),
          subsidiariesBelow: haishi.every((id) => y(id) > y(root)),
          rootClasses: cy.getElementById(root).classes(),
          listedHaishi: haishi.filter((id) => cy.getElementById(id).hasClass('listed')).length,
          rootShape: cy.getElementById(root).style('shape'),
          everyNodeOnScreen: cy.nodes().every((n) => {
            const b = n.renderedBoundingBox({ includeLabels: false });
            return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= cy.width() && b.y2 <= cy.height();
          }),
        };
      },
      { root: ROOT, haishi: HAISHI },
    );
    expect(layout).toEqual({
      ownerAbove: true,
      subsidiariesBelow: true,
      rootClasses: expect.arrayContaining(['root', 'listed']),
      listedHaishi: 5,
      rootShape: 'round-rectangle',
      everyNodeOnScreen: true,
    });
    await expect(page.locator('#graph-title').textContent()).resolves.toContain(ROOT_NAME);
    await expect(page.title()).resolves.toContain(ROOT_NAME);
    await shot(page, '03-graph');
  }, STEP_TIMEOUT);

  test('clicking a subsidiary shows its details, listing decision and sources', async () => {
    await clickNode(page, 'moyu-haishi');
    const panel = page.locator('#panel');
    await page.waitForFunction(() => document.getElementById('panel-title')?.textContent?.startsWith('Moyu Haishi') === true);
    await expect(panel.locator('.panel-kicker').textContent()).resolves.toBe('Company · China (CN)');
    const decisions = await panel.locator('.decision').allTextContents();
    expect(decisions.some((text) => /Added/.test(text) && /Entity List/.test(text) && /2023-03-2\d/.test(text))).toBe(true);
    await expect(panel.locator('.source').count()).resolves.toBeGreaterThan(0);
    await expect(panel.locator('.panel-status.is-listed').count()).resolves.toBe(1);
    await expect(page.evaluate(() => (window as unknown as TestWindow).__cy.$(':selected').map((n) => n.id()))).resolves.toEqual(['moyu-haishi']);
    await shot(page, '04-panel');
  }, STEP_TIMEOUT);

  test('"Open" re-roots the graph on the subsidiary, and Back returns to Hikvision', async () => {
    await page.locator('#panel [data-action="open"]').click();
    await waitForGraph(page, 'moyu-haishi');
    expect(new URL(page.url()).searchParams.get('entity')).toBe('moyu-haishi');
    const all = await edges(page);
    expect(all).toEqual(expect.arrayContaining([{ source: ROOT, target: 'moyu-haishi', type: 'OWNS', label: '?' }]));
    expect(all.some((e) => e.source === 'lgfv-moyu' && e.target === 'moyu-haishi')).toBe(true);
    await page.waitForFunction(() => document.getElementById('panel-title')?.textContent?.startsWith('Moyu Haishi') === true);
    await shot(page, '05-rerooted');

    await page.goBack();
    await waitForGraph(page, ROOT);
    expect(new URL(page.url()).searchParams.get('entity')).toBe(ROOT);
  }, STEP_TIMEOUT);

  test('reloading the URL restores the same view', async () => {
    await page.reload();
    await waitForGraph(page, ROOT);
    expect(await nodeIds(page)).toEqual(expect.arrayContaining([ROOT, ...HAISHI]));
    await page.waitForFunction((name) => document.getElementById('panel-title')?.textContent?.startsWith(name) === true, ROOT_NAME);
    await shot(page, '06-reloaded');
  }, STEP_TIMEOUT);

  test('the table view lists the same relationships and is keyboard reachable', async () => {
    await page.locator('[data-mode="table"]').click();
    const rows = page.locator('.relationships tbody tr');
    await expect(rows.count()).resolves.toBe((await edges(page)).length);
    await page.locator('.relationships button[data-entity-id="moyu-haishi"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('panel-title')?.textContent?.startsWith('Moyu Haishi') === true);
    await shot(page, '07-table');
    await page.locator('[data-mode="graph"]').click();
  }, STEP_TIMEOUT);

  test('an unreachable API shows a clear message and Retry brings the graph back', async () => {
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.reload();
    const status = page.locator('#view-status[data-state="error"]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain('Cannot reach the server');
    await shot(page, '08-api-down');

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
    await shot(page, '09-no-results');
  }, STEP_TIMEOUT);
});

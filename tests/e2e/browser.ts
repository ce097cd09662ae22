// Shared e2e harness: the real app (or E2E_BASE_URL), Debian's Chromium through playwright-core, and
// small readers of the rendered Cytoscape graph (exposed by the client as window.__cy).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export type TestWindow = Window & { __cy: Core };

// Jest applies `testTimeout` from the root config only, not per project, so the e2e budgets are set here.
export const SETUP_TIMEOUT = 120_000;
export const STEP_TIMEOUT = 60_000;

export interface Session {
  baseUrl: string;
  browser: Browser;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** Starts the app (unless E2E_BASE_URL is set) and a 1440×900 Chromium page that records page errors. */
export async function openSession(): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  let server: TestServer | null = null;
  let baseUrl = process.env.E2E_BASE_URL ?? '';
  if (!baseUrl) {
    server = await startTestServer();
    baseUrl = server.baseUrl;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Failed requests are expected while the outage test blocks the API; anything else is a bug.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  return {
    baseUrl,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await server?.close();
    },
  };
}

export const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `${ARTIFACTS}${name}.png` });

/** Waits until the graph shows `root` as its root, laid out, with no overlay in front of it. */
export async function waitForGraph(page: Page, root: string): Promise<void> {
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

/** Waits until each id's node carries its expected status class (listed, exposed, possibly_exposed, clear). */
export async function waitForStatuses(page: Page, expected: Record<string, string>): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const cy = (window as unknown as TestWindow).__cy;
      return Object.entries(want).every(([id, status]) => cy.getElementById(id).hasClass(status));
    },
    expected,
    { timeout: 30_000 },
  );
}

/** Entity node ids in the graph ("+N more" chips left out). */
export function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as TestWindow).__cy.nodes().not('.more').map((n) => n.id()));
}

export function nodeData(page: Page, id: string): Promise<{ classes: string[]; badge: string | null }> {
  return page.evaluate((nodeId) => {
    const node = (window as unknown as TestWindow).__cy.getElementById(nodeId);
    return { classes: node.classes(), badge: (node.data('badgeText') as string | undefined) ?? null };
  }, id);
}

/** Clicks a node where it is drawn on the canvas, as a user would. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = (window as unknown as TestWindow).__cy;
    const node = cy.getElementById(nodeId);
    const box = cy.container()!.getBoundingClientRect();
    const { x, y } = node.renderedPosition();
    return { x: box.left + x, y: box.top + y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

export const panelTitleStartsWith = (page: Page, text: string): Promise<unknown> =>
  page.waitForFunction((t) => document.getElementById('panel-title')?.textContent?.startsWith(t) === true, text, { timeout: 30_000 });

/** Waits until the drawn view is of `entity` on `list` as of `asOf`, statuses and decisions included. */
export async function waitForView(page: Page, entity: string, list: string, asOf: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const canvas = document.getElementById('graph');
      return canvas?.dataset['shown'] === want && !canvas.hasAttribute('aria-busy');
    },
    `${entity}|${list}|${asOf}`,
    { timeout: 30_000 },
  );
}

// The Export menu: a picture of the view (PNG, SVG) or its data in every API export format. Files are
// saved through a temporary object URL, so the browser's own download handling (and its dialog) applies.
import type { ExportFile } from '../api.ts';
import type { ExportFormat } from '../api-types.ts';
import { EXPORT_FORMATS } from '../api-types.ts';
import { h, replaceChildren } from './dom.ts';

export interface ExportDeps {
  png(): Promise<Blob>;
  svg(): Blob;
  /** The entities in view and the edges among them, in `format`. */
  data(format: ExportFormat): Promise<ExportFile>;
  /** A GET link to the same subgraph around the root (before expansions), for scripts. */
  apiLink(format: ExportFormat): string;
  baseName(): string;
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  cyjs: 'Cytoscape JSON (.cyjs)',
  graphml: 'GraphML (yEd, Gephi, NetworkX)',
  gexf: 'GEXF 1.3 (Gephi)',
  csv: 'CSV nodes + edges (.zip)',
  ftm: 'FollowTheMoney (JSON lines)',
  bods: 'BODS 0.4 (JSON)',
};

export function createExportMenu(container: HTMLElement, deps: ExportDeps): void {
  const status = h('p', { class: 'export-status', role: 'status' });
  const menu = h('details', { class: 'menu export-menu' });
  const apiLink = h('a', { class: 'api-link', href: '#', target: '_blank', rel: 'noopener' }, 'the same subgraph from the API');
  menu.addEventListener('toggle', () => {
    if (menu.open) apiLink.href = deps.apiLink('cyjs');
  });
  const item = (label: string, action: string, run: () => Promise<void>): HTMLButtonElement =>
    h('button', {
      type: 'button',
      class: 'menu-item',
      'data-export': action,
      onClick: () => {
        status.textContent = `Preparing ${label}…`;
        run().then(
          () => {
            status.textContent = '';
            menu.open = false;
          },
          (error: unknown) => (status.textContent = `Export failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    }, label);

  replaceChildren(
    menu,
    h('summary', { class: 'button button-quiet', 'aria-haspopup': 'menu' }, 'Export', h('span', { 'aria-hidden': 'true', class: 'caret' }, '▾')),
    h(
      'div',
      { class: 'menu-body', role: 'menu' },
      h('p', { class: 'menu-heading' }, 'Picture of the view'),
      item('PNG image', 'png', async () => save(await deps.png(), `${deps.baseName()}.png`)),
      item('SVG image', 'svg', async () => save(deps.svg(), `${deps.baseName()}.svg`)),
      h('p', { class: 'menu-heading' }, 'Data of the entities in view'),
      ...EXPORT_FORMATS.map((format) =>
        item(FORMAT_NAMES[format], format, async () => {
          const file = await deps.data(format);
          save(file.blob, file.fileName);
        }),
      ),
      h('p', { class: 'menu-note' }, 'For scripts: ', apiLink, ' (owners and subsidiaries of the entity in view, as GET /subgraph).'),
      status,
    ),
  );
  replaceChildren(container, menu);
  // Close on Escape or a click elsewhere, as a menu should.
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

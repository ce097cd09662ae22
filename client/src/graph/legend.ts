// The key to the drawing, built from the same shapes and colours the stylesheet uses.
import type { EntityKind } from '../api-types.ts';
import { h, kindNames, replaceChildren } from '../ui/dom.ts';
import { colours, kindShapes } from './style.ts';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, markup: string): SVGSVGElement {
  const element = document.createElementNS(SVG, 'svg');
  element.setAttribute('width', String(width));
  element.setAttribute('height', String(height));
  element.setAttribute('viewBox', `0 0 ${width} ${height}`);
  element.setAttribute('aria-hidden', 'true');
  element.innerHTML = markup; // static markup from this file only, never data
  return element;
}

const stroke = `fill="#fff" stroke="${colours.muted}" stroke-width="1.5"`;
const shapeMarkup: Record<(typeof kindShapes)[EntityKind], string> = {
  'round-rectangle': `<rect x="2" y="4" width="24" height="14" rx="3" ${stroke}/>`,
  ellipse: `<ellipse cx="14" cy="11" rx="12" ry="7.5" ${stroke}/>`,
  hexagon: `<polygon points="2,11 8,3.5 20,3.5 26,11 20,18.5 8,18.5" ${stroke}/>`,
  barrel: `<path d="M5 4 H23 Q27 11 23 18 H5 Q1 11 5 4 Z" ${stroke}/>`,
};

function row(icon: SVGSVGElement | HTMLElement, text: string): HTMLLIElement {
  return h('li', {}, icon, h('span', {}, text));
}

/** A node swatch with the status's border: width, dash pattern and colour, as the stylesheet draws it. */
function statusSwatch(colour: string, fill: string, dash: string, width: number, double = false): SVGSVGElement {
  const inner = double ? `<rect x="6" y="7" width="16" height="8" rx="2" fill="none" stroke="${colour}" stroke-width="1.2"/>` : '';
  return svg(28, 22, `<rect x="3" y="4" width="22" height="14" rx="3" fill="${fill}" stroke="${colour}" stroke-width="${width}" ${dash ? `stroke-dasharray="${dash}"` : ''}/>${inner}`);
}

export function renderLegend(container: HTMLElement, { listName = null }: { listName?: string | null } = {}): void {
  const kinds = (Object.keys(kindShapes) as EntityKind[]).map((kind) => row(svg(28, 22, shapeMarkup[kindShapes[kind]]), kindNames[kind] ?? kind));
  const edges = [
    row(svg(28, 22, `<line x1="2" y1="11" x2="22" y2="11" stroke="${colours.edge}" stroke-width="2"/><polygon points="20,7 27,11 20,15" fill="${colours.edge}"/>`), 'Owns: %, range or ?'),
    row(svg(28, 22, `<line x1="2" y1="11" x2="21" y2="11" stroke="${colours.muted}" stroke-width="2" stroke-dasharray="5 3"/><polygon points="20,7 27,11 20,15" fill="#fff" stroke="${colours.muted}" stroke-width="1.2"/>`), 'Controls'),
  ];
  const statuses = [
    row(statusSwatch(colours.listed, colours.listedTint, '', 1.5, true), 'Listed: double border, dated badge'),
    row(statusSwatch(colours.exposed, colours.exposedTint, '', 3), 'Exposed: heavy border'),
    row(statusSwatch(colours.possiblyExposed, colours.possiblyExposedTint, '4 2.5', 2.2), 'Possibly exposed: dashed'),
    row(statusSwatch(colours.clear, '#fff', '1.5 2', 2), 'Clear: dotted'),
  ];
  const markings = [
    row(svg(28, 22, `<rect x="1" y="2" width="26" height="18" rx="6" fill="${colours.accent}" fill-opacity="0.16"/><rect x="5" y="6" width="18" height="10" rx="2" fill="#fff" stroke="${colours.accent}" stroke-width="2"/>`), 'In focus'),
    row(svg(28, 22, `<rect x="1" y="2" width="26" height="18" rx="6" fill="${colours.highlight}" fill-opacity="0.28"/><rect x="5" y="6" width="18" height="10" rx="2" fill="#fff" stroke="${colours.muted}" stroke-width="1.5"/>`), 'Proof or path'),
    row(svg(28, 22, `<rect x="2" y="2" width="24" height="18" rx="4" fill="none" stroke="${colours.changed}" stroke-width="3"/><rect x="7" y="7" width="14" height="8" rx="2" fill="#fff" stroke="${colours.muted}" stroke-width="1.2"/>`), 'Changed'),
  ];
  replaceChildren(
    container,
    h('h2', { class: 'legend-title' }, 'Key'),
    h('ul', { class: 'legend-group', 'aria-label': 'Entity kinds' }, ...kinds),
    h('ul', { class: 'legend-group', 'aria-label': 'Relationships' }, ...edges),
    h('ul', { class: 'legend-group legend-statuses', 'aria-label': `Status${listName ? ` on ${listName}` : ''}`, title: listName ? `Status on ${listName}` : undefined }, ...statuses),
    h('ul', { class: 'legend-group', 'aria-label': 'Markings' }, ...markings),
  );
}

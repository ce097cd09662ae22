// The key to the drawing, built from the same shapes and colours the stylesheet uses.
import type { EntityKind } from '../api-types.ts';
import { h, kindNames, replaceChildren } from '../ui/dom.ts';
import { colours, kindShapes, statusBadges } from './style.ts';

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

export function renderLegend(container: HTMLElement, { statuses = false }: { statuses?: boolean } = {}): void {
  const kinds = (Object.keys(kindShapes) as EntityKind[]).map((kind) => row(svg(28, 22, shapeMarkup[kindShapes[kind]]), kindNames[kind] ?? kind));
  const edges = [
    row(svg(28, 22, `<line x1="2" y1="11" x2="22" y2="11" stroke="${colours.edge}" stroke-width="2"/><polygon points="20,7 27,11 20,15" fill="${colours.edge}"/>`), 'Owns: %, range or ? if unknown'),
    row(svg(28, 22, `<line x1="2" y1="11" x2="21" y2="11" stroke="${colours.muted}" stroke-width="2" stroke-dasharray="5 3"/><polygon points="20,7 27,11 20,15" fill="#fff" stroke="${colours.muted}" stroke-width="1.2"/>`), 'Controls: basis shown'),
  ];
  const markings = [
    row(svg(28, 22, `<rect x="1" y="2" width="26" height="18" rx="6" fill="${colours.accent}" fill-opacity="0.16"/><rect x="5" y="6" width="18" height="10" rx="2" fill="#fff" stroke="${colours.accent}" stroke-width="2"/>`), 'In focus'),
    row(h('span', { class: 'pill pill-listed' }, 'Listed'), 'Listing decision in force'),
  ];
  if (statuses) {
    markings.push(
      row(h('span', { class: 'pill pill-exposed' }, statusBadges.exposed.text), 'Meets the rule for certain'),
      row(h('span', { class: 'pill pill-possibly' }, 'Possibly'), 'Meets it only if unknown stakes are large'),
      row(h('span', { class: 'pill pill-clear' }, statusBadges.clear.text), 'Does not meet the rule'),
    );
  }
  replaceChildren(
    container,
    h('h2', { class: 'legend-title' }, 'Key'),
    h('ul', { class: 'legend-group', 'aria-label': 'Entity kinds' }, ...kinds),
    h('ul', { class: 'legend-group', 'aria-label': 'Relationships' }, ...edges),
    h('ul', { class: 'legend-group', 'aria-label': 'Markings' }, ...markings),
  );
}

// Small line icons for the four kinds of entity, shown beside names in search results and tables.
import type { EntityKind } from '../api-types.ts';

const PATHS: Record<EntityKind, string> = {
  // an office building
  Company: 'M4 17V4.5h8V17M12 8h4v9M2.5 17h15M6.5 7h1M9 7h1M6.5 10h1M9 10h1M6.5 13h1M9 13h1',
  // a head and shoulders
  Person: 'M10 9.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM4 17c.6-3.2 3-5 6-5s5.4 1.8 6 5',
  // a classical building: the state
  StateBody: 'M3 7.5 10 3.5l7 4M4 7.5h12M5.5 8.5v6M8.5 8.5v6M11.5 8.5v6M14.5 8.5v6M3 16.5h14',
  // stacked coins: a fund or vehicle
  InvestmentVehicle: 'M4 6c0-1.1 2.7-2 6-2s6 .9 6 2-2.7 2-6 2-6-.9-6-2ZM4 6v4c0 1.1 2.7 2 6 2s6-.9 6-2V6M4 10v4c0 1.1 2.7 2 6 2s6-.9 6-2v-4',
};

export function kindIcon(kind: EntityKind, label?: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', `kind-icon kind-${kind}`);
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', PATHS[kind] ?? PATHS.Company);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

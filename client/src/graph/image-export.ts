// Pictures of the view: PNG from Cytoscape's own renderer, SVG from the cytoscape-svg extension.
import cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import svgExtension from 'cytoscape-svg';

cytoscape.use(svgExtension);

/** The whole graph (not just the visible part) at twice the screen resolution, on white. */
export function pngOf(cy: Core): Promise<Blob> {
  return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
}

export function svgOf(cy: Core): Blob {
  const markup = (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  return new Blob([markup], { type: 'image/svg+xml' });
}

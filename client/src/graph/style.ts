// Every Cytoscape style and layout option in one place, one comment per option (in the manner of
// Cytoscape's own `defaults` objects). Status classes are orthogonal to kind: kind sets the shape,
// status sets border, fill tint and a worded badge, so neither relies on colour alone.
import type { CytoscapeOptions, NodeSingular, StylesheetJson } from 'cytoscape';
import type { EntityKind } from '../api-types.ts';
import { BADGE_HEIGHT, badgeImage, badgeWidth, type BadgeSpec } from './badge.ts';
import { wrappedLineCount } from './text-measure.ts';

/** The palette, shared with the legend so the key always matches the drawing. */
export const colours = {
  ink: '#1e293b', // labels
  muted: '#64748b', // default borders, control edges
  edge: '#94a3b8', // ownership lines
  surface: '#ffffff', // node fill
  accent: '#2563eb', // root halo and selection ring
  listed: '#b91c1c',
  listedTint: '#fef2f2',
  exposed: '#c2410c',
  exposedTint: '#fff7ed',
  possiblyExposed: '#a16207',
  possiblyExposedTint: '#fefce8',
  clear: '#15803d',
  highlight: '#7c3aed', // proof subgraphs and found paths: a hue no status uses
  changed: '#0e7490', // what changed between two dates
} as const;

export const kindShapes: Record<EntityKind, 'round-rectangle' | 'ellipse' | 'hexagon' | 'barrel'> = {
  Company: 'round-rectangle',
  Person: 'ellipse',
  StateBody: 'hexagon',
  InvestmentVehicle: 'barrel',
};

/** Status badges; the class names are the exposure engine's status values. */
export type BadgeStatus = 'listed' | 'exposed' | 'possibly_exposed' | 'clear';
export const statusBadges: Record<BadgeStatus, BadgeSpec> = {
  listed: { text: 'LISTED', fill: colours.listed, ink: '#ffffff' },
  exposed: { text: 'EXPOSED', fill: colours.exposed, ink: '#ffffff' },
  possibly_exposed: { text: 'POSSIBLY EXPOSED', fill: colours.possiblyExposed, ink: '#ffffff' },
  clear: { text: 'CLEAR', fill: colours.clear, ink: '#ffffff' },
};

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", sans-serif';
/** Node widths: narrow enough that a rank of seven subsidiaries fits a laptop screen; hexagons lose their corners, so they get more. */
const nodeWidth: Record<EntityKind, number> = { Company: 160, Person: 150, StateBody: 184, InvestmentVehicle: 160 };
const FONT_SIZE = 13; // node labels; edge labels are one size smaller
const LINE_HEIGHT = 16; // Cytoscape's line height for a 13 px font
const MAX_LABEL_CHARS = 90; // longer names are cut with an ellipsis; the side panel shows them in full
/** The widest border a status gives a node (listed); the layout reserves it for every node. */
const LISTED_BORDER = 5;
/** The "+N more" chip's size. */
const MORE_CHIP = { width: 132, height: 30 };

/** Room for text inside each shape: curved and pointed shapes lose width at their sides. */
const labelWidth: Record<EntityKind, number> = { Company: 140, Person: 112, StateBody: 128, InvestmentVehicle: 132 };
/** Extra height around the text: shapes whose top and bottom curve in need more. */
const verticalPadding: Record<EntityKind, number> = { Company: 22, Person: 34, StateBody: 36, InvestmentVehicle: 26 };

const kindOf = (node: NodeSingular): EntityKind => {
  const kind = node.data('kind') as string | undefined;
  return kind !== undefined && kind in kindShapes ? (kind as EntityKind) : 'Company'; // placeholders draw as companies, then restyled
};

function label(node: NodeSingular): string {
  const name = String(node.data('label') ?? '');
  return name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…` : name;
}

/** Grows the node with its wrapped label, measured in the font it is drawn in (bold for the root). */
function height(node: NodeSingular): number {
  const kind = kindOf(node);
  const font = `${node.hasClass('root') ? 'bold ' : ''}${FONT_SIZE}px ${FONT_FAMILY}`;
  const lines = wrappedLineCount(label(node), font, labelWidth[kind]);
  return Math.max(48, lines * LINE_HEIGHT + verticalPadding[kind]);
}

/**
 * The box a node takes in the layout, from its kind, label and classes alone, the same functions the
 * stylesheet sizes it with, so laying out never waits for Cytoscape to style every node first. It counts
 * the widest status border, so a status set after the layout never makes two boxes touch.
 */
export function layoutBox(node: NodeSingular): { width: number; height: number } {
  if (node.hasClass('more')) return { width: MORE_CHIP.width + LISTED_BORDER, height: MORE_CHIP.height + LISTED_BORDER };
  return { width: nodeWidth[kindOf(node)] + LISTED_BORDER, height: height(node) + LISTED_BORDER };
}

const badgeSpecOf = (node: NodeSingular): BadgeSpec => {
  const status = (node.data('status') as BadgeStatus | undefined) ?? 'listed';
  return { ...statusBadges[status], text: String(node.data('badgeText')) };
};

function badge(): Record<string, string | number | ((node: NodeSingular) => string | number)> {
  return {
    'background-image': (node: NodeSingular) => badgeImage(badgeSpecOf(node)), // the worded badge
    'background-width': (node: NodeSingular) => badgeWidth(badgeSpecOf(node).text), // its natural size, not stretched to the node
    'background-height': BADGE_HEIGHT,
    'background-fit': 'none',
    'background-position-x': '50%', // centred on the top border, like a tab
    'background-position-y': '0%',
    'background-offset-y': -BADGE_HEIGHT / 2,
    'background-clip': 'none', // may draw outside the node's shape …
    'background-image-containment': 'over', // … and on top of its border
    'bounds-expansion': BADGE_HEIGHT, // so the part outside the node is redrawn and hit-tested
    'background-image-smoothing': 'yes',
  };
}

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: (node: NodeSingular) => kindShapes[kindOf(node)],
      width: (node: NodeSingular) => nodeWidth[kindOf(node)],
      height,
      label, // the entity name, cut at MAX_LABEL_CHARS
      'font-family': FONT_FAMILY,
      'font-size': FONT_SIZE,
      color: colours.ink,
      'text-wrap': 'wrap', // break long names onto several lines …
      'text-max-width': (node: NodeSingular) => `${labelWidth[kindOf(node)]}px`, // … at this width, by shape
      'text-valign': 'center',
      'text-halign': 'center',
      'background-color': colours.surface,
      'border-width': 1.5,
      'border-color': colours.muted,
      'min-zoomed-font-size': 6, // hide unreadable labels when zoomed far out (and draw faster)
    },
  },
  {
    // The entity the view is rooted on: a soft halo that coexists with any status border.
    selector: 'node.root',
    style: {
      'underlay-color': colours.accent,
      'underlay-opacity': 0.16,
      'underlay-padding': 9,
      'underlay-shape': 'round-rectangle',
      'font-weight': 'bold',
      'border-width': 2.5,
      'border-color': colours.accent,
    },
  },
  {
    // Named by a listing decision in force on the chosen list and date: double red border, tinted fill.
    selector: 'node.listed',
    style: { 'border-width': LISTED_BORDER, 'border-style': 'double', 'border-color': colours.listed, 'background-color': colours.listedTint },
  },
  {
    // Exposed for certain under the chosen list's rule: heavy solid border.
    selector: 'node.exposed',
    style: { 'border-width': 3.5, 'border-style': 'solid', 'border-color': colours.exposed, 'background-color': colours.exposedTint },
  },
  {
    // Exposed only under some reading of unknown stakes (or through control): dashed border.
    selector: 'node.possibly_exposed',
    style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': colours.possiblyExposed, 'background-color': colours.possiblyExposedTint },
  },
  {
    // Determined clear: a thin dotted green border and no badge, so the eye goes to the others.
    selector: 'node.clear',
    style: { 'border-width': 2, 'border-style': 'dotted', 'border-color': colours.clear },
  },
  {
    // The worded badge (LISTED 2023-03-28, EXPOSED, POSSIBLY EXPOSED) set by status-classes.ts.
    selector: 'node[badgeText]',
    style: badge(),
  },
  {
    // The node whose details are in the side panel: an outline outside any status border.
    selector: 'node:selected',
    style: { 'outline-width': 3, 'outline-color': colours.accent, 'outline-offset': 4, 'outline-opacity': 1 },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier', // straight for single edges, bowed apart for an OWNS and a CONTROLS between the same pair
      'control-point-step-size': 96, // bow parallel edges far enough apart that both labels can be read
      width: 1.6,
      'line-color': colours.edge,
      'target-arrow-shape': 'triangle', // arrows point at the owned entity
      'target-arrow-color': colours.edge,
      'arrow-scale': 1.1,
      label: 'data(label)', // 36.35%, 10–25%, ? or control: basis
      'font-family': FONT_FAMILY,
      'font-size': FONT_SIZE - 1,
      'font-weight': 600,
      color: colours.ink,
      'text-background-color': '#ffffff', // a chip behind the label so lines never strike through it
      'text-background-opacity': 1,
      'text-background-padding': '3px',
      'text-background-shape': 'roundrectangle',
      'text-border-width': 1,
      'text-border-color': '#e2e8f0',
      'text-border-opacity': 1,
      'min-zoomed-font-size': 6,
      'z-index': 2, // stakes are the primary data: their labels sit above control labels where they cross
    },
  },
  {
    // Unknown stake: the label is only "?", so give it a visible chip to click on and notice.
    selector: 'edge.unknown-stake',
    style: { 'text-border-color': colours.muted, 'text-border-style': 'dashed', color: colours.muted },
  },
  {
    // Control without known equity: dashed line, open arrow, the basis as label.
    selector: 'edge.controls',
    style: {
      'line-style': 'dashed',
      'line-dash-pattern': [6, 4],
      'line-color': colours.muted,
      'target-arrow-color': colours.muted,
      'target-arrow-fill': 'hollow',
      'font-style': 'italic',
      'font-weight': 'normal',
      'font-size': FONT_SIZE - 2, // secondary to the stakes
      'text-wrap': 'wrap', // a basis may take two short lines …
      'text-max-width': '84px', // … rather than one long one across its neighbours
      'text-border-width': 0,
      'text-background-opacity': 0.9,
      'z-index': 1,
    },
  },
  { selector: 'edge:selected', style: { width: 3, 'line-color': colours.accent, 'target-arrow-color': colours.accent } },
  {
    // "+N more": a quiet chip standing for the neighbours beyond the cap; a click reveals them.
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      width: MORE_CHIP.width,
      height: MORE_CHIP.height,
      'background-color': '#f1f5f9',
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': colours.muted,
      color: colours.accent,
      'font-size': FONT_SIZE - 1,
      'font-weight': 600,
    },
  },
  { selector: 'edge.more-link', style: { 'line-style': 'dotted', 'line-color': colours.edge, 'target-arrow-shape': 'none', label: '' } },
  {
    // Highlight modes (proof of exposure, found paths, what changed): everything else steps back …
    selector: '.faded',
    style: { opacity: 0.22 },
  },
  {
    // … and the elements that matter get a halo (nodes) or a thick accent line (edges).
    selector: 'node.highlight',
    style: { 'underlay-color': colours.highlight, 'underlay-opacity': 0.28, 'underlay-padding': 10, 'underlay-shape': 'round-rectangle' },
  },
  {
    selector: 'edge.highlight',
    style: { width: 4, 'line-color': colours.highlight, 'target-arrow-color': colours.highlight, 'z-index': 9, 'text-border-color': colours.highlight },
  },
  {
    // What changed between two dates: a heavy outline in the change colour, in addition to the status.
    selector: 'node.changed',
    style: { 'outline-width': 4, 'outline-color': colours.changed, 'outline-offset': 5, 'outline-opacity': 1, 'outline-style': 'solid' },
  },
];

/** Core options that are not data: zoom limits and interaction. */
export const coreOptions: Pick<CytoscapeOptions, 'minZoom' | 'maxZoom' | 'boxSelectionEnabled' | 'autoungrabify' | 'selectionType'> = {
  minZoom: 0.15, // far enough out to see a few hundred nodes
  maxZoom: 2.5, // close enough to read the smallest label comfortably
  boxSelectionEnabled: false, // dragging the background pans; there is nothing to multi-select yet
  autoungrabify: false, // nodes can be dragged to untangle a busy rank
  selectionType: 'single', // one node at a time, the one in the side panel
};

/** After fitting, never blow a three-node graph up beyond this zoom. */
export const MAX_FIT_ZOOM = 1.15;

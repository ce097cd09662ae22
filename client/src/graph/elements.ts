// Turns the visible graph into Cytoscape element definitions: data the stylesheet reads, and the classes
// (`root`, `listed`, `more`; statuses are applied later by status-classes.ts) it styles.
import type { ElementDefinition } from 'cytoscape';
import { relationshipSentence, stakeLabel } from './stake-label.ts';
import type { ViewGraph } from './visible.ts';

/** Cytoscape ids of edges: prefixed, so an edge id can never collide with an entity id. */
export const edgeElementId = (edgeId: string): string => `edge:${edgeId}`;

export function toElements(graph: ViewGraph): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.name, kind: node.kind, country: node.country, listed: node.listed, rank: node.rank },
    classes: [node.id === graph.root ? 'root' : '', node.listed.length > 0 ? 'listed' : ''].filter(Boolean),
  }));
  const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
  // Ownership before control, then by id: Cytoscape bows parallel edges in element order, so a fixed
  // order keeps each edge on the same side whatever order the server sent them in.
  const ordered = [...graph.edges].sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type === 'OWNS' ? -1 : 1));
  const edges: ElementDefinition[] = ordered.map((edge) => {
    const label = stakeLabel(edge);
    const description = relationshipSentence(edge, names.get(edge.source) ?? edge.source, names.get(edge.target) ?? edge.target);
    return {
      group: 'edges',
      data: { id: edgeElementId(edge.id), edgeId: edge.id, source: edge.source, target: edge.target, type: edge.type, label, description },
      classes: [edge.type === 'CONTROLS' ? 'controls' : 'owns', label === '?' ? 'unknown-stake' : ''].filter(Boolean),
    };
  });
  const more: ElementDefinition[] = graph.more.flatMap((chip) => {
    const what = chip.direction === 'up' ? (chip.hidden === 1 ? 'owner' : 'owners') : chip.hidden === 1 ? 'subsidiary' : 'subsidiaries';
    const [source, target] = chip.direction === 'up' ? [chip.id, chip.parent] : [chip.parent, chip.id];
    return [
      { group: 'nodes', data: { id: chip.id, label: `+${chip.hidden} more ${what}`, kind: 'More', parent_: chip.parent, direction: chip.direction, rank: chip.rank }, classes: ['more'] },
      { group: 'edges', data: { id: `edge:${chip.id}`, source, target, type: 'MORE', label: '' }, classes: ['more-link'] },
    ];
  });
  return [...nodes, ...edges, ...more];
}

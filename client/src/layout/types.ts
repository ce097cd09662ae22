// The layout's plain-data boundary: what the Cytoscape adapter sends to the worker and gets back. Only
// numbers, strings and typed arrays, so it crosses postMessage without a copy of anything Cytoscape owns.
import type { LayeredOptions } from './options.ts';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

/** An edge drawn from owner (source) to owned (target); weight makes ownership pull harder than control. */
export interface LayoutEdge {
  source: string;
  target: string;
  weight?: number;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Entities the view is rooted on: their part of the graph is placed first (leftmost). */
  roots?: string[];
  options?: Partial<LayeredOptions>;
}

/** Centre positions by index of `LayoutInput.nodes`, the rank of each node and the centre line of each rank. */
export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
  rank: Int32Array;
  rankY: number[];
  /** How many edges had to be turned round to break ownership cycles. */
  reversedEdges: number;
  crossings: number;
}

/** Edges by node index, after dropping self-loops and edges to nodes outside the input. */
export interface IndexedEdges {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

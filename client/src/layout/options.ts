// Every option of the layered layout in one place, one comment per option (in the manner of Cytoscape's
// own layout `defaults`). The spacings match the dagre options the view used before, so the picture keeps
// the proportions people know.

export interface LayeredOptions {
  nodeSep: number;
  edgeSep: number;
  rankSep: number;
  componentSep: number;
  dummyWidth: number;
  dummyWeight: number;
  orderIterations: number;
  orderPatience: number;
  positionIterations: number;
}

export const layeredDefaults: LayeredOptions = {
  nodeSep: 22, // horizontal gap between two entities in a rank (entity boxes are ~160 px wide)
  edgeSep: 14, // horizontal gap beside an edge that passes through a rank (a long owner → owned edge)
  rankSep: 72, // vertical gap between ranks: room for a stake label chip on the edges between them
  componentSep: 64, // gap between parts of the view that share no edge, so they read as separate groups
  dummyWidth: 8, // width reserved for an edge passing through a rank, so it does not run through a box
  dummyWeight: 4, // how strongly a passing edge keeps its x: long edges stay straight, not zig-zag
  orderIterations: 24, // most barycenter sweeps when ordering ranks (dagre also stops at 24) …
  orderPatience: 4, // … stopping earlier after this many sweeps without fewer crossings
  positionIterations: 8, // alternating down/up sweeps that pull entities towards their neighbours
};

export function resolveOptions(partial: Partial<LayeredOptions> | undefined): LayeredOptions {
  return { ...layeredDefaults, ...partial };
}

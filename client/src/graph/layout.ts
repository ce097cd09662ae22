// The one place that lays the graph out: owners above, subsidiaries below. The layered engine in
// client/src/layout/ ranks the view from the graph itself, orders ranks to reduce crossings and computes
// off the main thread; an expansion places only the new nodes around the one expanded.
import type { Collection, Core } from 'cytoscape';
import { expandLayout, layeredLayout } from '../layout/layered.ts';
import { layoutBox } from './style.ts';

/** px around the graph when fitting, room for badges and the root halo. */
export const FIT_PADDING = 48;

/** Positions every node of `cy`; resolves when the positions are final. The graph view fits afterwards. */
export async function runLayout(cy: Core, { root }: { root: string }): Promise<void> {
  await layeredLayout(cy, { roots: [root], fit: false, padding: FIT_PADDING, size: layoutBox });
}

/** Places `added` (just loaded owners or subsidiaries of `anchor`) without moving the rest of the view much. */
export async function placeAround(cy: Core, added: Collection, anchor: string): Promise<void> {
  await expandLayout(cy, added, anchor, { size: layoutBox });
}

// The layout's Web Worker: the ranking, ordering and placement of a large view run here, so the page keeps
// responding while they do. One message in (a request id and the plain-data graph), one message out.
import { computeLayeredLayout } from './compute.ts';
import type { LayoutInput, LayoutResult } from './types.ts';

export type WorkerRequest = { id: number; input: LayoutInput };
export type WorkerReply = { id: number; result: LayoutResult } | { id: number; error: string };

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, input } = event.data;
  let reply: WorkerReply;
  let transfer: Transferable[] = [];
  try {
    const result = computeLayeredLayout(input);
    reply = { id, result };
    transfer = [result.x.buffer, result.y.buffer, result.rank.buffer];
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, { transfer });
};

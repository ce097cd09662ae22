// Runs the layout in one long-lived Web Worker, started on first use. Small views are computed in place
// (a round trip costs more than the layout); if workers are unavailable, fail to load or throw, the same
// function runs on the main thread instead, so a layout always comes back.
import { computeLayeredLayout } from './compute.ts';
import type { LayoutInput, LayoutResult } from './types.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** Below this many nodes the layout takes a few milliseconds: not worth a message to the worker. */
const WORKER_MIN_NODES = 200;

let worker: Worker | null | undefined;
let nextId = 0;
interface Request {
  input: LayoutInput;
  resolve: (result: LayoutResult) => void;
  reject: (error: unknown) => void;
}
const pending = new Map<number, Request>();

export function computeLayout(input: LayoutInput): Promise<LayoutResult> {
  const target = input.nodes.length >= WORKER_MIN_NODES ? layoutWorker() : null;
  if (!target) return Promise.resolve().then(() => computeLayeredLayout(input));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { input, resolve, reject });
    target.postMessage({ id, input } satisfies WorkerRequest);
  });
}

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'layered-layout' });
  } catch {
    return (worker = null); // e.g. a Content-Security-Policy without worker-src
  }
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    if ('result' in event.data) request.resolve(event.data.result);
    else onMainThread(request); // fails here too, but with a main-thread stack and a rejected promise
  };
  // The worker script failed to load or crashed: stop using it and finish what was waiting on the main thread.
  worker.onerror = (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      onMainThread(request);
    }
  };
  return worker;
}

function onMainThread({ input, resolve, reject }: Request): void {
  try {
    resolve(computeLayeredLayout(input));
  } catch (error) {
    reject(error);
  }
}

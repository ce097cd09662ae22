// What an export format is: a file extension, a media type and a writer that streams the graph.
import type { Writable } from 'node:stream';
import type { ExportGraph } from './graph.js';

export interface ExportFormat {
  extension: string;
  contentType: string;
  /** Writes the whole file to `out` (without ending it), honouring backpressure. */
  write(graph: ExportGraph, out: Writable): Promise<void>;
}

// The export formats by name; the route and the OpenAPI document both read this table.
import { bods } from './bods.js';
import { csvZip } from './csv.js';
import { cyjs } from './cyjs.js';
import type { ExportFormat } from './format.js';
import { ftm } from './ftm.js';
import { gexf } from './gexf.js';
import { graphml } from './graphml.js';

export const EXPORT_FORMATS = ['cyjs', 'graphml', 'gexf', 'csv', 'ftm', 'bods'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export const FORMATS: Record<ExportFormatName, ExportFormat> = { cyjs, graphml, gexf, csv: csvZip, ftm, bods };

export type { ExportFormat } from './format.js';
export type { ExportGraph, ExportNode, ExportDecision } from './graph.js';

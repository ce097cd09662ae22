// Cytoscape JSON (.cyjs): what Cytoscape desktop imports and what cytoscape.js takes as `elements`.
// Attributes are the shared flat ones (lists stay arrays, which both accept); unknown stakes are null.
import type { ExportFormat } from './format.js';
import { edgeAttributes, nodeAttributes, type ExportGraph } from './graph.js';
import { TextSink } from './sink.js';

export const cyjs: ExportFormat = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  async write(graph, out) {
    const sink = new TextSink(out);
    await sink.write(
      `{"format_version":"1.0","generated_by":"ownership-explorer","target_cytoscapejs_version":"~3.0",\n"data":${JSON.stringify(graphData(graph))},\n"elements":{"nodes":[`,
    );
    let first = true;
    for (const node of graph.nodes) {
      await sink.write(`${first ? '' : ','}\n{"data":${JSON.stringify(nodeAttributes(node, graph))}}`);
      first = false;
    }
    await sink.write('],"edges":[');
    first = true;
    for (const edge of graph.edges) {
      await sink.write(`${first ? '' : ','}\n{"data":${JSON.stringify(edgeAttributes(edge, graph))}}`);
      first = false;
    }
    await sink.write(']}}\n');
    await sink.close();
  },
};

function graphData(graph: ExportGraph) {
  return {
    name: `Ownership: ${graph.title} (${graph.asOf})`,
    roots: graph.roots,
    asOf: graph.asOf,
    generatedAt: graph.generatedAt,
    exposureLists: graph.exposureLists,
    truncated: graph.truncated,
  };
}

// GraphML with <key> declarations and typed attributes (double percentages, boolean bounds), as read by
// yEd, Gephi, Cytoscape desktop and NetworkX. An unknown stake has no <data> for percent at all.
// Multi-valued attributes are strings joined with '|' (GraphML has no list type).
import type { ExportFormat } from './format.js';
import { EDGE_ATTRIBUTE_TYPES, LIST_SEPARATOR, edgeAttributes, nodeAttributeTypes, nodeAttributes, type AttrType, type AttrValue } from './graph.js';
import { TextSink, xmlEscape } from './sink.js';

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', double: 'double', int: 'int', boolean: 'boolean', list: 'string' };

export const graphml: ExportFormat = {
  extension: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  async write(graph, out) {
    const sink = new TextSink(out);
    const nodeKeys = [['label', 'string'] as [string, AttrType], ...nodeAttributeTypes(graph.exposureLists)];
    await sink.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    );
    for (const [name, type] of nodeKeys) await sink.write(keyLine('node', name, type));
    for (const [name, type] of EDGE_ATTRIBUTE_TYPES) await sink.write(keyLine('edge', name, type));
    await sink.write(`  <key id="g_asOf" for="graph" attr.name="asOf" attr.type="string"/>\n`);
    await sink.write(`  <key id="g_roots" for="graph" attr.name="roots" attr.type="string"/>\n`);
    await sink.write(`  <key id="g_truncated" for="graph" attr.name="truncated" attr.type="boolean"/>\n`);
    await sink.write(`  <graph id="ownership" edgedefault="directed">\n`);
    await sink.write(`    <data key="g_asOf">${graph.asOf}</data>\n`);
    await sink.write(`    <data key="g_roots">${xmlEscape(graph.roots.join(LIST_SEPARATOR))}</data>\n`);
    await sink.write(`    <data key="g_truncated">${graph.truncated}</data>\n`);
    for (const node of graph.nodes) {
      const attrs = { label: node.entity.name, ...nodeAttributes(node, graph) };
      await sink.write(`    <node id="${xmlEscape(node.entity.id)}">\n${dataLines('n', nodeKeys, attrs)}    </node>\n`);
    }
    for (const edge of graph.edges) {
      const attrs = edgeAttributes(edge, graph);
      await sink.write(
        `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">\n` +
          `${dataLines('e', EDGE_ATTRIBUTE_TYPES, attrs)}    </edge>\n`,
      );
    }
    await sink.write('  </graph>\n</graphml>\n');
    await sink.close();
  },
};

function keyLine(target: 'node' | 'edge', name: string, type: AttrType): string {
  return `  <key id="${target[0]}_${xmlEscape(name)}" for="${target}" attr.name="${xmlEscape(name)}" attr.type="${GRAPHML_TYPE[type]}"/>\n`;
}

function dataLines(prefix: string, keys: [string, AttrType][], attrs: Record<string, AttrValue>): string {
  let s = '';
  for (const [name] of keys) {
    const text = flat(attrs[name]);
    if (text !== null) s += `      <data key="${prefix}_${xmlEscape(name)}">${xmlEscape(text)}</data>\n`;
  }
  return s;
}

/** null (unknown) and empty lists write no <data> element at all. */
function flat(v: AttrValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : v.join(LIST_SEPARATOR);
  return String(v);
}

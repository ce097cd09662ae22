// GEXF 1.3 (Gephi's native format), written as a stream. Attributes are declared with types: doubles
// for stakes, booleans for bounds, liststring for aliases/identifiers/lists. An unknown stake has no
// attvalue for percent. Edges carry `kind` (OWNS / CONTROLS) and a `label` with the stake.
import type { ExportFormat } from './format.js';
import { EDGE_ATTRIBUTE_TYPES, edgeAttributes, nodeAttributeTypes, nodeAttributes, type AttrType, type AttrValue } from './graph.js';
import { TextSink, xmlEscape } from './sink.js';

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', double: 'double', int: 'integer', boolean: 'boolean', list: 'liststring' };

export const gexf: ExportFormat = {
  extension: 'gexf',
  contentType: 'application/gexf+xml; charset=utf-8',
  async write(graph, out) {
    const sink = new TextSink(out);
    const nodeTypes = nodeAttributeTypes(graph.exposureLists).filter(([name]) => name !== 'name');
    await sink.write(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
        ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
        `  <meta lastmodifieddate="${graph.generatedAt.slice(0, 10)}">\n` +
        '    <creator>Ownership Explorer</creator>\n' +
        `    <description>${xmlEscape(`Ownership around ${graph.title} as of ${graph.asOf}${graph.truncated ? ' (truncated)' : ''}`)}</description>\n` +
        '  </meta>\n' +
        '  <graph defaultedgetype="directed" mode="static">\n',
    );
    await sink.write(declarations('node', nodeTypes));
    await sink.write(declarations('edge', EDGE_ATTRIBUTE_TYPES));
    await sink.write('    <nodes>\n');
    for (const node of graph.nodes) {
      const attrs = nodeAttributes(node, graph);
      await sink.write(
        `      <node id="${xmlEscape(node.entity.id)}" label="${xmlEscape(node.entity.name)}">\n${attvalues(nodeTypes, attrs)}      </node>\n`,
      );
    }
    await sink.write('    </nodes>\n    <edges>\n');
    for (const edge of graph.edges) {
      const attrs = edgeAttributes(edge, graph);
      await sink.write(
        `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"` +
          ` kind="${edge.type}" label="${xmlEscape(String(attrs.stake))}">\n${attvalues(EDGE_ATTRIBUTE_TYPES, attrs)}      </edge>\n`,
      );
    }
    await sink.write('    </edges>\n  </graph>\n</gexf>\n');
    await sink.close();
  },
};

function declarations(cls: 'node' | 'edge', types: [string, AttrType][]): string {
  const lines = types.map(([name, type]) => `      <attribute id="${xmlEscape(name)}" title="${xmlEscape(name)}" type="${GEXF_TYPE[type]}"/>\n`);
  return `    <attributes class="${cls}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(types: [string, AttrType][], attrs: Record<string, AttrValue>): string {
  let s = '';
  for (const [name, type] of types) {
    const v = attrs[name];
    if (v === null || v === undefined) continue;
    // GEXF 1.3 list syntax: [a, b], each string quoted so commas and brackets inside survive.
    const text = type === 'list' ? `[${(v as string[]).map((x) => JSON.stringify(x)).join(', ')}]` : String(v);
    s += `          <attvalue for="${xmlEscape(name)}" value="${xmlEscape(text)}"/>\n`;
  }
  return s ? `        <attvalues>\n${s}        </attvalues>\n` : '';
}

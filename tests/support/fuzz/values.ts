// Hostile values for the fuzz and injection tests: strings no form would send (NUL, lone surrogates,
// right-to-left overrides, 10,000 characters), Cypher, Lucene and template syntax, numbers at and past
// every limit, and JSON of the wrong shape. Marker names (OeInjected…) are what the injection checks
// later look for among the database's labels, relationship types and property keys.
import fc from 'fast-check';

/** Labels, relationship types and property keys an injection would create; never legitimately present. */
export const MARKERS = { label: 'OeInjected', relType: 'OE_INJECTED', property: 'oeInjected' } as const;

/** Cypher written to break out of a string, a label, a map or a clause, each naming a marker. */
export const CYPHER_PAYLOADS: readonly string[] = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "x' OR '1'='1",
  `'}) DETACH DELETE n //`,
  `"}) DETACH DELETE n //`,
  `}) DETACH DELETE n //`,
  `x') MATCH (n) DETACH DELETE n //`,
  `x"}) CREATE (:${MARKERS.label} {${MARKERS.property}: 1}) //`,
  `x'}) CREATE (:${MARKERS.label}) RETURN 1 //`,
  `Entity) CREATE (:${MARKERS.label}) //`,
  `\`) CREATE (:${MARKERS.label}) //`,
  `\`${MARKERS.label}\``,
  `${MARKERS.label}`,
  `Entity:${MARKERS.label}`,
  `OWNS|${MARKERS.relType}`,
  `${MARKERS.relType}`,
  `[:${MARKERS.relType}]`,
  `n.${MARKERS.property}`,
  `{${MARKERS.property}: 1}`,
  `x' SET n.${MARKERS.property} = 1 //`,
  `x" SET n.${MARKERS.property} = 1 //`,
  `x\\' SET n.${MARKERS.property} = 1 //`,
  '$param',
  '$from',
  '${id}',
  '`backtick`',
  '``',
  '\\u0027 OR 1=1 //',
  `1 UNION MATCH (n) SET n.${MARKERS.property} = 1 RETURN n`,
  "x' CALL db.clearQueryCaches() //",
  "x' LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l //",
  "x' CALL dbms.killQueries([]) //",
  `*/ CREATE (:${MARKERS.label}) /*`,
  `name ASC, n.${MARKERS.property}`,
  `name; MATCH (n) DETACH DELETE n`,
  '1; DROP TABLE entities; --',
];

/** Not Cypher, but the same family: other interpreters a string might reach. */
const OTHER_SYNTAX = [
  'hik* AND NOT x~ OR name:/.*/',
  '"unterminated',
  'a\\',
  '(((((((',
  '{{7*7}}',
  '${jndi:ldap://127.0.0.1/x}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
];

const UNICODE = [
  '',
  ' ',
  '\t\n\r',
  '海康威视数字技术股份有限公司',
  '杭州',
  'ﾊﾝｶﾞﾘｰ',
  'شركة هيكفيجن',
  'חברה בע"מ',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '😀🏳️‍🌈👨‍👩‍👧',
  'e\u0301\u0301\u0301',
  'Ω≈ç√∫',
  'ǅǈǋ',
  '\u0085\u2028\u2029',
  '\u007F\u0001\u001B[31m',
  'Ａｌｌ',
];

const NUMERIC_TEXT = ['0', '-1', '1.5', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '0x10', ' 5 ', '5 ', '1_000', '9007199254740993', '1e-400', '٣', 'null', 'true', 'undefined', '[]', '{}'];

const DATE_TEXT = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-01-32',
  '0000-01-01',
  '0099-12-31',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '+002024-01-01',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '2024-01-01 ',
  '20240101',
  '01/02/2024',
  '２０２４-０１-０１',
  'today',
];

export const HOSTILE_STRINGS: readonly string[] = [...CYPHER_PAYLOADS, ...OTHER_SYNTAX, ...UNICODE, ...NUMERIC_TEXT, ...DATE_TEXT];

/** A hostile string: from the lists above, huge, random Unicode (lone surrogates included), or a mix. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(10_001, 70_000).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 600 }).map((n) => 'Ω'.repeat(n)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + b) },
);

/** Numbers at and past the edges a schema might draw. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, 1, 1.0000001, 99.9999, 100, 100.0001, 101, 1000, 1001, 10_000, 10_001, -0, 2 ** 31, 2 ** 53 + 2, 1e21, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** JSON values of every shape: what a body field can be given instead of what it wants. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [null], [[]], [{}], { $ne: null }, { id: 'x' }, JSON.parse('{"__proto__": {"polluted": true}}')) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(1001, 5000).map((n) => Array.from({ length: n }, (_, i) => `id-${i}`)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Percent-escapes that do not decode to a valid string (the server sees U+FFFD or refuses the path). */
export const BROKEN_ESCAPES = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%ED%BF%BF', '%C0%AF', '%FF%FE', '%F4%90%80%80', '%00', '%2F', '%5C', '%25', '%0D%0A'];

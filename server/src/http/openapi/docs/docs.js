// Renders the OpenAPI 3.1 document of this server as a reference page: operations grouped by tag, their
// parameters, request bodies and responses with schemas expanded from components, and a small "try it"
// form per operation. Plain DOM, no dependencies, so it works offline and under a strict CSP.
'use strict';

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function resolve(doc, schema) {
  let s = schema;
  for (let i = 0; s && s.$ref && i < 20; i++) s = s.$ref.replace(/^#\//, '').split('/').reduce((o, k) => (o ? o[k] : undefined), doc);
  return s || {};
}

function refName(schema) {
  return schema && schema.$ref ? schema.$ref.split('/').pop() : null;
}

function typeLabel(doc, schema) {
  const s = resolve(doc, schema);
  const name = refName(schema);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf || s.oneOf;
  if (alts) return alts.map((a) => typeLabel(doc, a)).join(' | ');
  let t = Array.isArray(s.type) ? s.type.join(' | ') : s.type || (s.properties ? 'object' : 'any');
  if (t.includes('array') && s.items) t = t.replace('array', `${typeLabel(doc, s.items)}[]`);
  if (s.type === 'object' && s.additionalProperties && !s.properties) t = `map of ${typeLabel(doc, s.additionalProperties)}`;
  if (s.format) t += ` (${s.format})`;
  return name ? `${name}` : t;
}

function constraints(s) {
  const parts = [];
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined) parts.push(`length ≥ ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`length ≤ ${s.maxLength}`);
  if (s.minItems !== undefined) parts.push(`items ≥ ${s.minItems}`);
  if (s.maxItems !== undefined) parts.push(`items ≤ ${s.maxItems}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

/** A schema as a nested list of properties, expanding references up to a depth. */
function schemaTree(doc, schema, depth = 0, seen = new Set()) {
  const s = resolve(doc, schema);
  const name = refName(schema);
  if (name && seen.has(name)) return el('div', { class: 'schema' }, `${name} (see above)`);
  const nextSeen = new Set(seen);
  if (name) nextSeen.add(name);
  const box = el('div', { class: 'schema' });
  if (s.description && depth === 0) box.append(el('p', {}, s.description));
  const target = s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')) ? resolve(doc, s.items) : s;
  const items = s.type === 'array' ? s.items : schema;
  if (target.properties) {
    const required = new Set(target.required || []);
    for (const [prop, sub] of Object.entries(target.properties)) {
      const subResolved = resolve(doc, sub);
      const line = el(
        'div',
        { class: 'prop' },
        el('code', {}, prop),
        ' ',
        el('span', { class: 'type' }, typeLabel(doc, sub)),
        required.has(prop) ? el('span', { class: 'req' }, ' required') : null,
        subResolved.description ? ` — ${subResolved.description}` : null,
        constraints(subResolved) ? el('span', { class: 'summary' }, ` (${constraints(subResolved)})`) : null,
      );
      box.append(line);
      const nested = resolve(doc, subResolved.type === 'array' ? subResolved.items : sub);
      if (depth < 4 && nested.properties) box.append(schemaTree(doc, subResolved.type === 'array' ? subResolved.items : sub, depth + 1, nextSeen));
    }
  } else {
    box.append(el('div', {}, el('span', { class: 'type' }, typeLabel(doc, items))));
  }
  return box;
}

function parametersTable(doc, params) {
  if (!params || params.length === 0) return null;
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description'))),
    el(
      'tbody',
      {},
      params.map((p) => {
        const s = resolve(doc, p.schema);
        return el(
          'tr',
          {},
          el('td', {}, el('code', {}, p.name), p.required ? el('span', { class: 'req' }, ' required') : null),
          el('td', {}, p.in),
          el('td', { class: 'type' }, typeLabel(doc, p.schema)),
          el('td', {}, p.description || s.description || '', constraints(s) ? el('div', { class: 'summary' }, constraints(s)) : null),
        );
      }),
    ),
  );
}

function responsesBlock(doc, responses) {
  const list = el('div', {});
  for (const [code, r] of Object.entries(responses || {})) {
    const resp = resolve(doc, r);
    const types = Object.keys(resp.content || {});
    const d = el('details', {}, el('summary', {}, el('code', {}, code), ` ${resp.description || ''}`, types.length ? el('span', { class: 'summary' }, ` — ${types.join(', ')}`) : null));
    for (const t of types) {
      d.append(el('div', {}, el('code', {}, t)), schemaTree(doc, resp.content[t].schema));
    }
    if (resp.headers) d.append(el('div', {}, 'Headers: ', Object.keys(resp.headers).map((h) => el('code', {}, `${h} `))));
    list.append(d);
  }
  return list;
}

function tryIt(doc, server, path, method, op) {
  const form = el('form', { class: 'try' });
  const inputs = [];
  for (const p of op.parameters || []) {
    const s = resolve(doc, p.schema);
    const input = el('input', { name: p.name, placeholder: s.default !== undefined ? String(s.default) : p.in, required: p.required && p.in === 'path' });
    inputs.push({ p, input });
    form.append(el('label', {}, `${p.name}${p.required ? ' *' : ''}`, input));
  }
  let body = null;
  if (op.requestBody) {
    body = el('textarea', { name: 'body', spellcheck: 'false' });
    body.value = method === 'post' && path === '/paths' ? '{\n  "from": "cethik",\n  "to": "moyu-haishi",\n  "direction": "down"\n}' : '{}';
    form.append(el('label', { style: 'display:flex' }, 'JSON body', body));
  }
  const key = el('input', { name: 'key', type: 'password', placeholder: 'API key (if needed)', autocomplete: 'off' });
  form.append(el('label', {}, 'Authorization', key));
  const out = el('pre', { 'aria-live': 'polite' });
  form.append(el('div', {}, el('button', { type: 'submit' }, 'Send')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let url = server + path;
    const query = new URLSearchParams();
    for (const { p, input } of inputs) {
      if (!input.value) continue;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(input.value));
      else if (p.in === 'query') query.append(p.name, input.value);
    }
    if ([...query].length) url += `?${query}`;
    const headers = {};
    if (key.value) headers.Authorization = `Bearer ${key.value}`;
    if (body) headers['Content-Type'] = 'application/json';
    out.textContent = `${method.toUpperCase()} ${url} …`;
    try {
      const res = await fetch(url, { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
      const type = res.headers.get('content-type') || '';
      const disposition = res.headers.get('content-disposition');
      let text = type.includes('zip') ? `(${(await res.arrayBuffer()).byteLength} bytes of zip)` : await res.text();
      if (type.includes('json')) {
        try {
          text = JSON.stringify(JSON.parse(text), null, 2);
        } catch {
          // keep the raw text
        }
      }
      if (text.length > 20000) text = `${text.slice(0, 20000)}\n… (${text.length} characters)`;
      out.textContent = `${res.status} ${res.statusText}  ${type}${disposition ? `\n${disposition}` : ''}\n\n${text}`;
    } catch (err) {
      out.textContent = String(err);
    }
  });
  return el('details', {}, el('summary', {}, 'Try it'), form);
}

function render(doc) {
  const server = (doc.servers && doc.servers[0] && doc.servers[0].url) || '';
  document.getElementById('intro').replaceChildren(
    el('span', {}, doc.info.description || ''),
    ' ',
    el('span', { class: 'summary' }, `Version ${doc.info.version}, OpenAPI ${doc.openapi}, base URL `),
    el('code', {}, server),
    '. ',
    el('a', { href: '/api/v1/openapi.json' }, 'Download the document'),
    '.',
  );
  const byTag = new Map((doc.tags || []).map((t) => [t.name, { tag: t, ops: [] }]));
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, { tag: { name: tag }, ops: [] });
      byTag.get(tag).ops.push({ path, method, op });
    }
  }
  const toc = document.getElementById('toc');
  const main = document.getElementById('operations');
  for (const { tag, ops } of byTag.values()) {
    if (ops.length === 0) continue;
    toc.append(el('h2', {}, tag.name));
    const section = el('section', { class: 'tag', id: `tag-${tag.name}` }, el('h2', {}, tag.name), tag.description ? el('p', {}, tag.description) : null);
    for (const { path, method, op } of ops) {
      const id = `${method}-${path.replace(/[^a-z0-9]+/gi, '-')}`;
      toc.append(el('a', { href: `#${id}` }, `${method.toUpperCase()} ${path}`));
      const secured = (op.security || doc.security || []).some((req) => Object.keys(req).length > 0);
      const optional = (op.security || []).some((req) => Object.keys(req).length === 0);
      const body = op.requestBody ? resolve(doc, op.requestBody) : null;
      section.append(
        el(
          'article',
          { class: 'op', id },
          el('h3', {}, el('span', { class: `method ${method}` }, method), el('span', { class: 'path' }, path), el('span', { class: 'summary' }, op.summary || '')),
          secured ? el('div', { class: 'lock' }, optional ? 'API key: only when the server requires it for reads' : 'API key required (Authorization: Bearer)') : null,
          op.description ? el('p', {}, op.description) : null,
          parametersTable(doc, op.parameters),
          body ? el('div', {}, el('strong', {}, 'Request body'), ' ', Object.keys(body.content || {}).map((t) => el('code', {}, t)), Object.values(body.content || {}).map((c) => schemaTree(doc, c.schema))) : null,
          el('strong', {}, 'Responses'),
          responsesBlock(doc, op.responses),
          tryIt(doc, server.startsWith('/') ? server : '', path, method, op),
        ),
      );
    }
    main.append(section);
  }
}

fetch('/api/v1/openapi.json')
  .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`${res.status} ${res.statusText}`))))
  .then(render)
  .catch((err) => {
    document.getElementById('intro').textContent = `Could not load the OpenAPI document: ${err.message}`;
  });

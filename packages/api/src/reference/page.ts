/**
 * The API reference as one self-contained HTML page, rendered on the server from the OpenAPI
 * document: no script, no stylesheet or font from a CDN, so it works offline and under a
 * strict Content-Security-Policy. (Swagger UI and Scalar load their bundles from CDNs.)
 */

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escape = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Inline `code` and line breaks of a description, everything else escaped. */
const prose = (text: unknown): string =>
  text ? `<p>${escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>` : '';

/** A short type for a schema: `string`, `integer ≤ 1000`, `"text" | "bibtex"`, `Document[]`, … */
function typeOf(schema: Json | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/components/schemas/', '');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json)}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? (schema.anyOf || schema.oneOf ? 'one of several' : 'any'));
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
    schema.format ? `(${schema.format})` : '',
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : '',
  ].filter(Boolean);
  return [type, ...bounds].join(' ');
}

function parameters(op: Json): string {
  const list = (op.parameters as Json[] | undefined) ?? [];
  if (list.length === 0) return '';
  const rows = list
    .map(
      (p) =>
        `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td>` +
        `<td><code>${escape(typeOf(p.schema as Json))}</code></td><td>${escape(p.description ?? (p.schema as Json | undefined)?.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th><th>Description</th></tr>${rows}</table>`;
}

function content(body: Json | undefined): string {
  const types = (body?.content as Record<string, Json> | undefined) ?? {};
  return Object.entries(types)
    .map(([media, value]) => `<li><code>${escape(media)}</code>${value.schema ? `: <code>${escape(typeOf(value.schema as Json))}</code>` : ''}</li>`)
    .join('');
}

function operation(path: string, method: string, op: Json): string {
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
  const body = op.requestBody as Json | undefined;
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
    .map(([status, r]) => `<li><b>${escape(status)}</b> ${escape(r.description ?? '')}<ul>${content(r)}</ul></li>`)
    .join('');
  return `<section class="op" id="${id}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(op.summary ?? '')}${op.security ? ' <span class="auth">needs the bearer token when one is set</span>' : ''}</p>
${prose(op.description)}
${parameters(op)}
${body ? `<h4>Request body${body.required ? ' (required)' : ''}</h4><ul>${content(body)}</ul>` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

/** The page: an index of every route, each route in full, then every schema. */
export function referencePage(document: Json): string {
  const info = (document.info as Json | undefined) ?? {};
  const paths = (document.paths as Record<string, Json> | undefined) ?? {};
  const ops = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Json })),
  );
  const schemas = ((document.components as Json | undefined)?.schemas as Record<string, Json> | undefined) ?? {};
  const index = ops
    .map(({ path, method, op }) => `<li><a href="#${`${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-')}"><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></a> ${escape(op.summary ?? '')}</li>`)
    .join('\n');
  const schemaList = Object.entries(schemas)
    .map(([name, schema]) => `<details id="schema-${escape(name)}"><summary><code>${escape(name)}</code></summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title ?? 'API')} — reference</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: #f5f5f7; padding: 0.75rem; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.op { border-top: 1px solid #ddd; margin-top: 1.5rem; }
.method { display: inline-block; min-width: 4.5em; font: bold 0.8em ui-monospace, monospace; padding: 0.1em 0.4em; border-radius: 3px; color: #fff; background: #555; text-align: center; }
.get { background: #2f6f3e; } .post { background: #1f5fa8; } .delete { background: #a8321f; } .put, .patch { background: #8a5a00; }
.auth { font-size: 0.85em; color: #8a5a00; }
a { color: #1f5fa8; }
</style>
</head>
<body>
<h1>${escape(info.title ?? 'API')} <small>${escape(info.version ?? '')}</small></h1>
${prose(info.description)}
<p>The machine-readable description is <a href="openapi.json"><code>openapi.json</code></a> (OpenAPI ${escape(document.openapi ?? '')}). Errors are <code>application/problem+json</code> (RFC 9457).</p>
<h2>Routes</h2>
<ul class="index">
${index}
</ul>
${ops.map(({ path, method, op }) => operation(path, method, op)).join('\n')}
<h2>Schemas</h2>
${schemaList}
</body>
</html>
`;
}

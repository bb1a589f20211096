/**
 * Reads the add form's body as it streams in, so that a document over the limit is refused
 * with the form given back as it was typed. Read whole (`request.formData()`) under a limit on
 * the whole body, a body over it was refused before any field was seen, and a browser without
 * JavaScript showed an error page in place of the form and all that was typed in it.
 *
 * The document — the file, or the pasted text — is counted to its end but kept only up to the
 * limit; the rest of the upload is read and dropped, so memory stays bounded however large the
 * upload, and the browser gets the answer (a reply sent before it has sent everything is lost
 * to it as a broken connection). Every other form post keeps a limit on its whole body
 * (`FORM_BODY_BYTES`, hooks.server.ts).
 */
import { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import { drainBody } from '@verbatim/api';

/** The most any form post but the add form's multipart one may send: a document and the rest of the form. */
export const FORM_BODY_BYTES = 6 * 1024 * 1024;

/**
 * How much of an upload is read before the connection is closed on it instead, as the API
 * does (packages/api, http/body-limit.ts): past this, nobody is waiting for an answer.
 */
const READ_UP_TO = 64 * 1024 * 1024;

/** Any other field of the form: far more than a title or an address ever is. */
const FIELD_BYTES = 64 * 1024;

/** Whether the add form's reader reads this request as it streams, rather than whole under FORM_BODY_BYTES. */
export function isStreamedAddForm(request: Request, pathname: string): boolean {
  return request.method === 'POST' && pathname === '/add' && /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');
}

export type AddFormBody =
  | { ok: true; fields: Map<string, string>; file: File | null }
  /**
   * The file or the text was over `maxDocumentBytes` (`bytes` of it); `fields` holds every
   * other field, and the text too unless it was more than FORM_BODY_BYTES.
   */
  | { ok: false; problem: 'too-large'; field: 'file' | 'text'; bytes: number; fields: Map<string, string> }
  /** Not a form, or a field that no one types (more than FIELD_BYTES, more fields than the form has). */
  | { ok: false; problem: 'malformed' };

/**
 * The fields of the add form's post, with `file` and `text` held to `maxDocumentBytes`; text
 * is counted as it will be stored: UTF-8, line breaks as LF. A URL-encoded post (a script's)
 * is read whole, its size already held to FORM_BODY_BYTES.
 */
export async function readAddForm(request: Request, maxDocumentBytes: number): Promise<AddFormBody> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) return readWhole(request, maxDocumentBytes);
  if (!request.body) return { ok: false, problem: 'malformed' };
  let parser;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      // The document comes as a stream of its own, whatever its size.
      isPartAFile: (name, _type, filename) => name === 'file' || name === 'text' || filename !== undefined,
      limits: { fieldSize: FIELD_BYTES, fields: 20, files: 2, parts: 22 },
    });
  } catch {
    return { ok: false, problem: 'malformed' }; // no boundary
  }

  const fields = new Map<string, string>();
  const oversized: { field: 'file' | 'text'; bytes: number }[] = [];
  let file: File | null = null;
  let malformed = false;

  parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) malformed = true;
    else fields.set(name, value);
  });
  parser.on('file', (name, stream, filename, _encoding, mimeType) => {
    // A text a little over the limit is given back, for the reader to shorten; a file never
    // is (no page may fill in a file input), nor a text past what any form post may send.
    const keep = name === 'text' ? FORM_BODY_BYTES : maxDocumentBytes;
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= keep) chunks.push(chunk);
      else chunks.length = 0; // only counted from here on
    });
    stream.on('end', () => {
      if (name === 'text') {
        if (bytes > keep) return void oversized.push({ field: 'text', bytes });
        const text = Buffer.concat(chunks).toString('utf8');
        fields.set('text', text);
        const stored = Buffer.byteLength(text.replace(/\r\n?/g, '\n'));
        if (stored > maxDocumentBytes) oversized.push({ field: 'text', bytes: stored });
      } else if (name !== 'file') {
        malformed = true;
      } else if (bytes > maxDocumentBytes) {
        oversized.push({ field: 'file', bytes });
      } else if (bytes > 0 || filename) {
        // A stream's chunks are backed by plain ArrayBuffers, never shared ones.
        file = new File(chunks as Uint8Array<ArrayBuffer>[], filename, { type: mimeType });
      }
    });
  });
  for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) parser.on(limit, () => (malformed = true));

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('finish', resolve);
      parser.on('error', reject);
      const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
      let read = 0;
      source.on('data', (chunk: Buffer) => {
        read += chunk.length;
        // Cancelling the body closes the connection (adapter-node).
        if (read > READ_UP_TO) source.destroy(), reject(new Error('past the bound'));
      });
      source.on('error', reject).pipe(parser);
    });
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (malformed) return { ok: false, problem: 'malformed' };
  const over = oversized[0];
  if (over) return { ok: false, problem: 'too-large', field: over.field, bytes: over.bytes, fields };
  return { ok: true, fields, file };
}

async function readWhole(request: Request, maxDocumentBytes: number): Promise<AddFormBody> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const fields = new Map<string, string>();
  let file: File | null = null;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields.set(name, value);
    else if (name === 'file') file = value;
  }
  const text = fields.get('text') ?? '';
  const bytes = Buffer.byteLength(text.replace(/\r\n?/g, '\n'));
  if (bytes > maxDocumentBytes) return { ok: false, problem: 'too-large', field: 'text', bytes, fields };
  if (file && file.size > maxDocumentBytes) return { ok: false, problem: 'too-large', field: 'file', bytes: file.size, fields };
  return { ok: true, fields, file };
}

/** Reads and drops a body the app refuses, up to READ_UP_TO bytes or 10 s (see `drainBody`). */
export async function discardBody(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (body) await drainBody(body.getReader(), READ_UP_TO, 10_000);
}

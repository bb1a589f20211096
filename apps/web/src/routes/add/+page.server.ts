import { error, fail, redirect } from '@sveltejs/kit';
import { readAddForm } from '$lib/server/add-form';
import { MAX_DOCUMENT_BYTES, TEXT_NOT_KEPT, tooLargeDocument } from '$lib/too-large';
import type { Health, PagePreview, Problem, StoredDocument } from '@verbatim/api';
import type { AddField, AddValues, PageRead } from './form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ tokenRequired: (await locals.api.get<Health>('/api/health')).tokenRequired });

export const actions: Actions = {
  default: async ({ request, locals: { api } }) => {
    const posted = await readAddForm(request, MAX_DOCUMENT_BYTES);
    if (!posted.ok && posted.problem === 'malformed') error(400, 'This is not what the add form sends; nothing was added.');
    const text = (name: string) => posted.fields.get(name) ?? '';
    // Sent back with every refusal so that the form keeps what was typed (all but the file,
    // which a browser never lets a page fill in).
    const values: AddValues = {
      title: text('title'),
      kind: text('kind'),
      format: text('format') || 'auto',
      date: text('date'),
      author: text('author'),
      issuer: text('issuer'),
      url: text('url'),
      language: text('language'),
      text: text('text'),
      address: text('address').trim(),
    };
    // Over the limit: the form comes back as it was typed (with the text, unless it was too
    // long to send back), the sentence beside the file or the text.
    if (!posted.ok) return fail(413, { values, field: posted.field, error: posted.fields.has('text') || posted.field === 'file' ? tooLargeDocument(posted.bytes) : TEXT_NOT_KEPT });
    const file = posted.file && posted.file.size > 0 ? posted.file : null;

    // What only the form can get wrong; everything else is the API's to check, and to refuse.
    const refuse = (field: AddField, error: string) => fail(400, { values, field, error });
    // Blank fields are left out: the API takes an absent title as "the first line".
    const given = Object.fromEntries(
      (['title', 'date', 'author', 'issuer', 'url', 'language'] as const).filter((k) => values[k].trim() !== '').map((k) => [k, values[k]]),
    );
    const chosen = values.format === 'auto' ? undefined : values.format;

    if (text('intent') === 'read') {
      // "Read the page": fetched by the API, nothing stored; what it gives fills the fields, for
      // the reader to correct before adding. A field already filled in keeps what was typed.
      if (values.address === '') return refuse('address', 'Give the page’s address to read it.');
      const read = await api.send<PagePreview, { values: AddValues; field: AddField | null; error?: string }>('POST', '/api/documents/preview', {
        body: { ...given, address: values.address, ...(chosen ? { format: chosen } : {}) },
        token: text('token'),
        refused: (problem) => ({
          values,
          field: fieldOf(problem, 'address'),
          ...(problem.status === 401 ? { error: 'The access token is missing or not the right one; the page was not read.' } : {}),
        }),
      });
      if (!read.ok) return read.failure;
      const page = read.data;
      const filled: AddValues = {
        ...values,
        title: page.title,
        date: page.date ?? '',
        author: page.author ?? '',
        issuer: page.issuer ?? '',
        url: page.url ?? '',
        language: page.language ?? '',
      };
      const shown: PageRead = { address: page.address, format: page.format, paragraphs: page.paragraphs, length: page.length, excerpt: page.excerpt };
      return { values: filled, field: null, read: shown };
    }

    if (values.kind !== 'source' && values.kind !== 'commentary') return refuse('kind', 'Say whether the document is a source or a commentary.');
    const pasted = values.text.trim() !== '';
    const fetching = values.address !== '';
    if (file && pasted) return refuse('text', 'Give the text or a file, not both: clear the text box or the file.');
    if (fetching && (file || pasted)) return refuse('address', 'Give an address, a text or a file, not two: clear the address, or the text and the file.');
    if (!file && !pasted && !fetching) return refuse('text', 'Paste the document’s text, choose a file, or give the page’s address.');

    let body: FormData | Record<string, unknown>;
    if (fetching) {
      // The API fetches the page (public addresses only) and reads its metadata.
      body = { ...given, address: values.address, kind: values.kind, ...(chosen ? { format: chosen } : {}) };
    } else if (file) {
      // "Automatic" leaves the format to the API, which reads the file's name and type.
      body = new FormData();
      for (const [k, v] of Object.entries({ ...given, kind: values.kind, ...(chosen ? { format: chosen } : {}) })) body.set(k, v);
      body.set('file', file);
    } else {
      // Pasted text is plain text unless the reader says otherwise: guessing HTML from a pasted
      // "<" would swallow the angle brackets of a text that merely quotes some markup. A
      // browser sends a textarea's line breaks as CRLF whatever was pasted (HTML's form
      // encoding); stored as such, the same text pasted and uploaded would differ.
      body = { ...given, kind: values.kind, format: chosen ?? 'text', text: values.text.replace(/\r\n?/g, '\n') };
    }

    const added = await api.send<StoredDocument & { outcome: string }, { values: AddValues; field: AddField | null; error?: string }>('POST', fetching ? '/api/documents/fetch' : '/api/documents', {
      body,
      token: text('token'),
      refused: (problem) => ({
        values,
        field: fieldOf(problem, fetching ? 'address' : file ? 'file' : 'text'),
        // The API tells a script which header to send; a reader is told about the field.
        ...(problem.status === 401 ? { error: 'The access token is missing or not the right one; nothing was added.' } : {}),
      }),
    });
    if (!added.ok) return added.failure;
    redirect(303, `/documents/${encodeURIComponent(added.data.id)}?added=${added.data.outcome}`);
  },
};

const FIELDS: readonly AddField[] = ['title', 'kind', 'date', 'author', 'issuer', 'url', 'language', 'format', 'address', 'text'];

/**
 * Which control a refusal of the API is about, so that its sentence stands beside it.
 * `content` is where the document came from: the text box, the file, or the address.
 */
function fieldOf(problem: Problem, content: 'text' | 'file' | 'address'): AddField | null {
  if (problem.status === 401) return 'token';
  // Too large, binary, not UTF-8, not a format Verbatim reads: the content, wherever it came from.
  if (problem.status === 413 || problem.status === 415) return content;
  // A page that could not be fetched, or an address refused: beside the address.
  if (content === 'address' && (problem.status === 502 || /\baddress|answered|could not be reached|redirects|did not give the page/.test(problem.detail))) return 'address';
  // The API's validation names the field (`the field "date" must …`); the store's refusals
  // name what they are about in words (`The date "soon" is not …`).
  const named = /field "(\w+)"/.exec(problem.detail)?.[1] ?? FIELDS.find((f) => new RegExp(`\\b${f}\\b`, 'i').test(problem.detail));
  const field = FIELDS.find((f) => f === named);
  if (field === 'text' || (field === undefined && /\bempty\b/i.test(problem.detail))) return content;
  return field ?? null;
}

import { timingSafeEqual } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { MAX_INPUT_BYTES, StoreError, type DocumentFormat, type DocumentKind } from '@verbatim/store';
import { env } from '$env/dynamic/private';
import { getStore } from '$lib/server/store';
import { formatFor, type AddField, type AddValues } from './form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ tokenRequired: Boolean(env.VERBATIM_TOKEN) });

export const actions: Actions = {
  default: async ({ request, platform }) => {
    const form = await request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
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
    };
    const refuse = (status: number, field: AddField | null, error: string) => fail(status, { values, field, error });

    // The API asks for the token on every write; the form is a write like any other.
    if (env.VERBATIM_TOKEN && !sameSecret(text('token'), env.VERBATIM_TOKEN)) {
      return refuse(401, 'token', 'The access token is missing or not the right one.');
    }
    if (values.kind !== 'source' && values.kind !== 'commentary') {
      return refuse(400, 'kind', 'Say whether the document is a source or a commentary.');
    }
    const upload = form.get('file');
    const file = upload instanceof File && upload.size > 0 ? upload : null;
    if (file && values.text.trim() !== '') {
      return refuse(400, 'text', 'Give the text or a file, not both: clear the text box or the file.');
    }
    if (!file && values.text.trim() === '') {
      return refuse(400, 'text', 'Paste the document’s text, or choose a file.');
    }
    if (file && file.size > MAX_INPUT_BYTES) {
      return refuse(413, 'file', `The file is ${(file.size / 1e6).toFixed(1)} MB; Verbatim takes files of at most ${MAX_INPUT_BYTES / 1e6} MB.`);
    }

    const format = formatFor(values.format, file?.name ?? null);
    if (!format) return refuse(400, 'format', 'Choose plain text, Markdown or HTML.');

    let id: string;
    let outcome: string;
    try {
      const added = await getStore(platform).add({
        // A browser sends a textarea's line breaks as CRLF whatever the user pasted (HTML's
        // form encoding); stored as such, the same text pasted and uploaded would differ.
        ...(file ? { bytes: new Uint8Array(await file.arrayBuffer()) } : { text: values.text.replace(/\r\n?/g, '\n') }),
        format: format as DocumentFormat,
        kind: values.kind as DocumentKind,
        title: values.title,
        date: values.date,
        author: values.author,
        issuer: values.issuer,
        url: values.url,
        language: values.language,
      });
      id = added.id;
      outcome = added.outcome;
    } catch (error) {
      if (error instanceof StoreError) return refuse(error.code === 'too-large' ? 413 : 400, fieldOf(error), error.message);
      throw error;
    }
    redirect(303, `/documents/${encodeURIComponent(id)}?added=${outcome}`);
  },
};

/** Which control a store refusal is about, so that the message stands beside it. */
function fieldOf(error: StoreError): AddField | null {
  switch (error.code) {
    case 'empty':
    case 'binary':
    case 'encoding':
    case 'too-large':
      return 'text';
    case 'format':
      return 'format';
    case 'invalid':
      if (/\bdate\b/i.test(error.message)) return 'date';
      if (/\bkind\b/i.test(error.message)) return 'kind';
      if (/\btitle\b/i.test(error.message)) return 'title';
      return null;
    default:
      return null;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../too-large';
import { readAddForm } from './add-form';

const MB = 1024 * 1024;

/** The add form as a browser posts it: multipart, the fields in the page's order, the file last but for the address. */
function posted(entries: Array<[string, string | File]>, encoding: 'multipart' | 'urlencoded' = 'multipart'): Request {
  if (encoding === 'urlencoded') {
    return new Request('http://localhost/add', { method: 'POST', body: new URLSearchParams(entries as Array<[string, string]>) });
  }
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return new Request('http://localhost/add', { method: 'POST', body: form });
}

const typed: Array<[string, string]> = [
  ['kind', 'commentary'],
  ['title', 'A long upload'],
  ['date', '2022-02-05'],
  ['author', 'A. Writer'],
];

describe('reading the add form as it streams', () => {
  it('counts a file over the limit to its end and gives back every other field', async () => {
    const file = new File([new Uint8Array(7 * MB).fill(0x61)], 'long.txt', { type: 'text/plain' });
    const body = await readAddForm(posted([...typed, ['text', ''], ['file', file], ['address', ''], ['intent', 'add']]), MAX_DOCUMENT_BYTES);
    expect(body).toMatchObject({ ok: false, problem: 'too-large', field: 'file', bytes: 7 * MB });
    if (body.ok || body.problem !== 'too-large') throw new Error('refused as too large');
    expect(Object.fromEntries(body.fields)).toEqual({ ...Object.fromEntries(typed), text: '', address: '', intent: 'add' });
  });

  it('gives back a pasted text a little over the limit, counted as stored (line breaks as LF)', async () => {
    const text = `A long paste\r\n\r\n${'The sides oppose further enlargement. '.repeat(140_000)}`;
    const body = await readAddForm(posted([...typed, ['text', text], ['file', new File([], '')]]), MAX_DOCUMENT_BYTES);
    expect(body).toMatchObject({ ok: false, problem: 'too-large', field: 'text', bytes: Buffer.byteLength(text) - 2 });
    if (body.ok || body.problem !== 'too-large') throw new Error('refused as too large');
    expect(body.fields.get('text')).toBe(text);
    expect(body.fields.get('title')).toBe('A long upload');
  });

  it('does not give back a text longer than any form post may send, but still every other field', async () => {
    const text = 'word '.repeat(1.4 * MB);
    const body = await readAddForm(posted([...typed, ['text', text]]), MAX_DOCUMENT_BYTES);
    expect(body).toMatchObject({ ok: false, problem: 'too-large', field: 'text', bytes: text.length });
    if (body.ok || body.problem !== 'too-large') throw new Error('refused as too large');
    expect(body.fields.has('text')).toBe(false);
    expect(body.fields.get('author')).toBe('A. Writer');
  });

  it('takes a file within the limit whole, byte for byte, and no file when none was chosen', async () => {
    const bytes = new TextEncoder().encode('A communiqué\n\nThe parties met in Geneva.\n');
    const body = await readAddForm(posted([...typed, ['text', ''], ['file', new File([bytes], 'note.txt', { type: 'text/plain' })]]), MAX_DOCUMENT_BYTES);
    if (!body.ok) throw new Error(`refused: ${body.problem}`);
    expect(body.file?.name).toBe('note.txt');
    expect(new Uint8Array(await body.file!.arrayBuffer())).toEqual(bytes);
    const none = await readAddForm(posted([...typed, ['text', 'Pasted.'], ['file', new File([], '')]]), MAX_DOCUMENT_BYTES);
    expect(none).toMatchObject({ ok: true, file: null });
    if (none.ok) expect(none.fields.get('text')).toBe('Pasted.');
  });

  it('reads a URL-encoded post whole, and refuses what is not a form', async () => {
    const body = await readAddForm(posted([...typed, ['text', 'Pasted.']], 'urlencoded'), MAX_DOCUMENT_BYTES);
    expect(body).toMatchObject({ ok: true, file: null });
    if (body.ok) expect(body.fields.get('title')).toBe('A long upload');
    const json = new Request('http://localhost/add', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(await readAddForm(json, MAX_DOCUMENT_BYTES)).toEqual({ ok: false, problem: 'malformed' });
    const broken = new Request('http://localhost/add', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nunfinished' });
    expect(await readAddForm(broken, MAX_DOCUMENT_BYTES)).toEqual({ ok: false, problem: 'malformed' });
  });
});

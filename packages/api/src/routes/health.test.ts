import type { Store } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';

/** A store on `engine`, at `location`, whose every method throws: health must not call any. */
function untouchable(engine: Store['engine'], location = 'data/verbatim.db'): Store {
  return new Proxy({} as Store, {
    get: (_, key) => {
      if (key === 'engine') return engine;
      if (key === 'location' || key === 'path') return location;
      throw new Error('the store was touched');
    },
  });
}

describe('GET /api/health', () => {
  it('answers without touching the database', async () => {
    const res = await createApp({ store: untouchable('sqlite') }).request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', engine: expect.stringMatching(/^@verbatim\/core@\d/), database: 'sqlite', tokenRequired: false });
  });

  it('names the database engine of a team server, and nothing of its address or password', async () => {
    const res = await createApp({ store: untouchable('postgres', 'postgres://verbatim@db.example:5432/corpus') }).request('/api/health');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', database: 'postgres' });
    expect(text).not.toMatch(/db\.example|verbatim@|5432|corpus/);
  });

  it('says whether writes need a token, so a form can ask for one', async () => {
    const res = await createApp({ store: untouchable('sqlite'), token: 's3cret' }).request('/api/health');
    expect(((await res.json()) as { tokenRequired: boolean }).tokenRequired).toBe(true);
  });
});

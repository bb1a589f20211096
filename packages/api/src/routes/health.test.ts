import type { Store } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';

describe('GET /api/health', () => {
  it('answers without touching the database', async () => {
    // A store whose every method throws: health must not call any.
    const untouchable = new Proxy({} as Store, {
      get: () => {
        throw new Error('the store was touched');
      },
    });
    const res = await createApp({ store: untouchable }).request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', engine: expect.stringMatching(/^@verbatim\/core@\d/), tokenRequired: false });
  });

  it('says whether writes need a token, so a form can ask for one', async () => {
    const untouchable = new Proxy({} as Store, {
      get: () => {
        throw new Error('the store was touched');
      },
    });
    const res = await createApp({ store: untouchable, token: 's3cret' }).request('/api/health');
    expect(((await res.json()) as { tokenRequired: boolean }).tokenRequired).toBe(true);
  });
});

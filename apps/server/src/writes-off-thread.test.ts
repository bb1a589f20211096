import { describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { madeByAnotherEngine, serversOnOneDatabase } from './test-support/servers.js';

const STATEMENT = 'joint-statement-2022-02-04';
const OP_ED = 'op-ed-expanding-sino-russian-cooperation';
const OLD_ENGINE = '@verbatim/core@0.0.1';
/** Long commentaries, each a second or so of aligning: their re-making takes many times a read. */
const READINGS = 4;

const servers = serversOnOneDatabase('verbatim-offthread-');
const { serve, stop } = servers;

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** How many of the listed alignments are stale, as a client reads it. */
async function staleCount(server: RunningServer): Promise<number> {
  const res = await fetch(`${server.url}/api/alignments`);
  expect(res.status).toBe(200);
  const links = (await res.json()) as Array<{ stale: boolean }>;
  return links.filter((l) => l.stale).length;
}

describe('long writes in the store’s writer thread', () => {
  it('answer reads while many outdated reports are made again at start, each read before the first is re-made', async () => {
    const first = await serve();
    const opEd = (await first.store.get(OP_ED))!.text;
    for (let i = 0; i < READINGS; i++) {
      const text = Array.from({ length: 30 }, (_, j) => `Reading ${i}.${j}.\n\n${opEd}`).join('\n\n');
      const res = await post(`${first.url}/api/documents`, { text, kind: 'commentary', id: `long-reading-${i}` });
      expect(res.status).toBe(201);
    }
    await stop(first);
    // As an older Verbatim left it: every report made by another engine.
    const outdated = madeByAnotherEngine(servers.dbPath, OLD_ENGINE);
    expect(outdated).toBe(READINGS + 1);

    const log: string[] = [];
    const server = await serve({ log: (line) => log.push(line) });
    let settled = false;
    const remaking = server.remaking.finally(() => (settled = true));
    // One client reading over and over, each read sent when the last is answered.
    const seen: number[] = [];
    while (!settled) seen.push(await staleCount(server));

    expect(await remaking).toEqual({ outdated: READINGS + 1, remade: READINGS + 1, unlinked: 0 });
    // The first read was answered while the first report was still being made: on the
    // server's thread, no read could be answered before a whole re-make had finished.
    expect(seen[0]).toBe(READINGS + 1);
    // And reads went on being answered between the first re-made report and the last.
    expect(seen.some((n) => n > 0 && n < READINGS + 1)).toBe(true);
    expect(seen.length).toBeGreaterThan(READINGS + 1);
    expect(await staleCount(server)).toBe(0);
    expect(log.at(-1)).toBe(`verbatim: every report is now this engine's (${READINGS + 1} made again, 0 no longer linking).`);
  }, 180_000);

  it('store the confirmed version that verify with apply makes, through the API', async () => {
    const server = await serve();
    const official = (await server.store.get(STATEMENT))!.text.replace('Friendship between the two States has no limits', 'Friendship between the two States knows no limits');
    const res = await post(`${server.url}/api/documents/${STATEMENT}/verify`, { text: official, apply: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { applied: { version: number; outcome: string; confirmed: number } };
    expect(body.applied).toMatchObject({ version: 2, outcome: 'new-version' });

    const stored = (await (await fetch(`${server.url}/api/documents/${STATEMENT}`)).json()) as {
      version: number;
      text: string;
      paragraphs: Array<{ locator: string; verification: string }>;
    };
    expect(stored.version).toBe(2);
    expect(stored.text).toBe(official);
    expect(stored.paragraphs.filter((p) => p.locator !== 'title').every((p) => p.verification === 'confirmed')).toBe(true);
    const report = (await (await fetch(`${server.url}/api/alignments/${STATEMENT}/${OP_ED}`)).json()) as { source: { sha256: string }; passages: unknown[] };
    expect(report.passages).toHaveLength(8);
    expect(report.source.sha256).not.toBe((await (await fetch(`${server.url}/api/documents/${STATEMENT}?version=1`)).json() as { sha256: string }).sha256);

    // A copy that is some other document is refused in one sentence, and stores nothing.
    const refused = await post(`${server.url}/api/documents/${STATEMENT}/verify`, { text: (await server.store.get(OP_ED))!.text, apply: true });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/looks like another document/);
    expect(await server.store.versions(STATEMENT)).toHaveLength(2);
  }, 60_000);
});

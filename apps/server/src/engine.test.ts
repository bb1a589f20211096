import { engineVersion } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from './server.js';
import { madeByAnotherEngine, serversOnOneDatabase } from './test-support/servers.js';

const SEED_REPORT = '/api/alignments/joint-statement-2022-02-04/op-ed-expanding-sino-russian-cooperation';
const OLD_ENGINE = '@verbatim/core@0.0.1';

const servers = serversOnOneDatabase('verbatim-engine-');
const { serve, stop } = servers;

interface Served {
  etag: string;
  report: { passages: unknown[]; stale?: boolean };
}

async function report(server: RunningServer, etag?: string): Promise<Served & { status: number }> {
  const res = await fetch(`${server.url}${SEED_REPORT}`, etag ? { headers: { 'If-None-Match': etag } } : {});
  return { status: res.status, etag: res.headers.get('etag')!, report: res.status === 200 ? ((await res.json()) as Served['report']) : { passages: [] } };
}

describe('reports made by another engine', () => {
  it('are served as stale, with a new ETag, until the start re-makes them; then current, with their own', async () => {
    const first = await serve();
    const current = await report(first);
    expect(current.report.passages).toHaveLength(8);
    expect(current.report.stale).toBeUndefined();
    await stop(first);
    // The database as an older Verbatim left it: reports made by another engine, which
    // differ from this engine's (here: the last passage missing).
    madeByAnotherEngine(servers.dbPath, OLD_ENGINE, (report) => void report.passages.pop());

    // Started without its background work: what a client sees before the report is re-made.
    const waiting = await serve({ remakeOutdated: false });
    const stale = await report(waiting);
    expect(stale.status).toBe(200);
    expect(stale.report.stale).toBe(true);
    expect(stale.report.passages).toHaveLength(7);
    // A client's copy from before the change is not confirmed: its ETag no longer matches.
    expect(stale.etag).not.toBe(current.etag);
    expect((await report(waiting, current.etag)).status).toBe(200);
    const links = (await (await fetch(`${waiting.url}/api/alignments`)).json()) as Array<{ stale: boolean; engineVersion: string }>;
    expect(links).toEqual([expect.objectContaining({ stale: true, engineVersion: OLD_ENGINE })]);
    await stop(waiting);

    // A real start: the report is made again in the background, and says so in the log.
    const log: string[] = [];
    const server = await serve({ log: (line) => log.push(line) });
    expect(await server.remaking).toEqual({ outdated: 1, remade: 1, unlinked: 0 });
    const remade = await report(server);
    expect(remade.report.stale).toBeUndefined();
    expect(remade.report.passages).toHaveLength(8);
    expect(remade.etag).not.toBe(stale.etag);
    expect(remade.report).toEqual(current.report);
    expect((await report(server, stale.etag)).status).toBe(200);
    expect((await report(server, remade.etag)).status).toBe(304);
    expect(await server.store.outdated()).toEqual([]);
    expect((await server.store.alignmentsOf('op-ed-expanding-sino-russian-cooperation'))[0]!.engineVersion).toBe(engineVersion());
    expect(log).toEqual([
      `verbatim: 1 report was made by another engine (${OLD_ENGINE}); making it again in the background, served as stale meanwhile.`,
      'verbatim: re-made 1/1 reports (joint-statement-2022-02-04 ↔ op-ed-expanding-sino-russian-cooperation)',
      "verbatim: every report is now this engine's (1 made again, 0 no longer linking).",
    ]);
  }, 60_000);

  it('leave nothing to do at a start when every report is this engine’s', async () => {
    const log: string[] = [];
    const server = await serve({ log: (line) => log.push(line) });
    expect(await server.remaking).toEqual({ outdated: 0, remade: 0, unlinked: 0 });
    expect(log).toEqual([]);
  });
});

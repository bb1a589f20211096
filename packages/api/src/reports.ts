import { createHash } from 'node:crypto';
import type { Store } from '@verbatim/store';
import { engineVersion } from '@verbatim/store';

/** A report ready to send: its JSON, encoded once, and the validator naming its exact inputs. */
export interface ServedReport {
  etag: string;
  body: Uint8Array<ArrayBuffer>;
}

interface Entry extends ServedReport {
  /** The two documents' latest versions and titles, as the report was served for them. */
  source: Latest;
  commentary: Latest;
  /** When the two versions were last confirmed to be the latest (performance.now()). */
  checked: number;
}

const MAX_ENTRIES = 64;
/**
 * How long a kept report is served without asking the database whether either document has
 * a newer version. Writes through this API forget the reports they touch at once; this only
 * bounds how late a version added by another process (the CLI) shows. The store has no
 * cheap "latest version of id" lookup (`versions` reads the text lengths), and that lookup
 * was a third of the cost of serving a report.
 */
export const RECHECK_AFTER_MS = 1000;

/**
 * The alignment reports the API serves, with their ETags. A report is a function of the
 * two texts and the engine, and names the two documents by their titles of today (an edit of
 * the metadata changes no text), so the ETag is the hash of the two versions' SHA-256, their
 * titles, the engine version that computed it and the one serving it.
 *
 * Serialized reports are kept in memory so that a request costs a map lookup instead of
 * reading, parsing and re-serializing the report. Only
 * reports computed by the running engine are kept: the engine is deterministic, so a report
 * for the same two texts can never differ from the kept one, even if another process
 * realigns. Reports from another engine (awaiting their re-making) are read fresh every time,
 * so that the one made again replaces them at once.
 */
export class ReportCache {
  readonly #store: Store;
  readonly #recheckAfterMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(store: Store, options: { recheckAfterMs?: number } = {}) {
    this.#store = store;
    this.#recheckAfterMs = options.recheckAfterMs ?? RECHECK_AFTER_MS;
  }

  async get(sourceId: string, commentaryId: string): Promise<ServedReport | undefined> {
    const key = `${sourceId}\u0000${commentaryId}`;
    const now = performance.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.checked < this.#recheckAfterMs) return hit;

    const source = await latest(this.#store, sourceId);
    const commentary = await latest(this.#store, commentaryId);
    this.#entries.delete(key);
    if (source === undefined || commentary === undefined) return undefined;
    if (hit && same(hit.source, source) && same(hit.commentary, commentary)) {
      hit.checked = now;
      // Re-inserting at each check keeps the map roughly in least-recently-used order.
      this.#entries.set(key, hit);
      return hit;
    }

    const report = await this.#store.alignment(sourceId, commentaryId);
    if (!report) return undefined;
    const summary = (await this.#store.alignmentsOf(commentaryId)).find(
      (a) => a.source.id === sourceId && a.source.latest && a.commentary.latest,
    );
    const madeBy = summary?.engineVersion ?? 'unknown';
    const running = engineVersion();
    // Another engine's report is served as it is, said stale, until it is made again (at
    // start, in the background, or by `verbatim realign`); its ETag names both engines, so a
    // client's copy from before the change is never confirmed by a 304, and the report made
    // again gets an ETag of its own.
    const stale = madeBy !== running;
    const served = { source: { sha256: report.source.sha256, title: report.source.title ?? '' }, commentary: { sha256: report.commentary.sha256, title: report.commentary.title ?? '' } };
    const named = JSON.stringify([served.source.title, served.commentary.title]);
    const entry: Entry = {
      ...served,
      etag: `"${createHash('sha256').update(`${report.source.sha256}\n${report.commentary.sha256}\n${named}\n${madeBy}\n${running}`).digest('base64url').slice(0, 32)}"`,
      body: new TextEncoder().encode(JSON.stringify(stale ? { ...report, stale: true } : report)),
      checked: now,
    };
    if (!stale) {
      this.#entries.set(key, entry);
      if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return entry;
  }

  /** Forgets what involves a document (deleted, or given a new version). */
  forget(documentId: string): void {
    for (const key of this.#entries.keys()) {
      if (key.split('\u0000').includes(documentId)) this.#entries.delete(key);
    }
  }
}

interface Latest {
  sha256: string;
  title: string;
}

async function latest(store: Store, id: string): Promise<Latest | undefined> {
  const version = (await store.versions(id)).at(-1);
  return version && { sha256: version.sha256, title: version.title };
}

const same = (a: Latest, b: Latest) => a.sha256 === b.sha256 && a.title === b.title;

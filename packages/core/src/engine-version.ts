/**
 * The version of the engine's behaviour: bump it whenever a report for the same two texts
 * changes (a passage found or lost, a span, a status, a difference, an id). Stored reports
 * carry it, so a store can tell a report made by an older engine and make it again, and an
 * ETag that includes it never lets a client keep an outdated report. A test pins the seed
 * pair's report digest to it, so a change of behaviour without a bump fails.
 */
export const ENGINE_VERSION = '0.28.0';

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inputError, usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseCommandArgs, synopsis } from '../parse-command-args.js';

/** The server's entry, built beside this package in the repository (apps/server). */
const SERVER_ENTRY = fileURLToPath(new URL('../../../../apps/server/dist/main.js', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the workbench (pages and API) on one port, as "npm start" does.',
  usage: `verbatim serve [--port N]

Starts the workbench: the web pages and the HTTP API on one port (3000, or --port, or
PORT), with the corpus loaded into the database (VERBATIM_DB, default data/verbatim.db).
VERBATIM_TOKEN, when set, is required for writes. Stop it with Ctrl-C.

Example:
  verbatim serve --port 8080`,

  async run(args, context) {
    const { values, positionals } = parseCommandArgs(serveCommand, { args, options: { port: { type: 'string' } }, allowPositionals: true });
    if (positionals.length > 0) throw usageError(`serve takes no arguments but got ${positionals.length}; usage: ${synopsis(serveCommand)}.`);
    if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw usageError(`--port must be a port number, not ${JSON.stringify(values.port)}.`);
    if (!existsSync(SERVER_ENTRY)) throw inputError('the server is not built; run "npm run build" (or "npm start") in the repository first.');
    const env = { ...process.env, ...context.env, ...(values.port !== undefined ? { PORT: values.port } : {}) };
    // The server is its own process, so Ctrl-C and its exit status reach the user unchanged.
    const child = spawn(process.execPath, [SERVER_ENTRY], { stdio: 'inherit', env, cwd: context.cwd });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    return await new Promise<number>((resolve) => {
      child.on('exit', (code, signal) => {
        process.off('SIGINT', forward);
        process.off('SIGTERM', forward);
        resolve(code ?? (signal ? 0 : 1));
      });
    });
  },
};

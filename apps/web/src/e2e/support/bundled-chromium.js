/**
 * The Chromium that the npm package `@sparticuz/chromium` ships inside itself (built for AWS
 * Lambda; it runs on Debian too), for machines without Debian's. Unpacked once per package
 * version into the temporary folder, with the NSS libraries it links against, so it needs
 * nothing from the machine but the C library. Plain JavaScript (typed in JSDoc), so that the
 * web benchmark (scripts/bench/web.js, run by Node without a build) uses the same browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import Chromium from '@sparticuz/chromium';

/**
 * @typedef {object} BundledChromium
 * @property {string} executablePath
 * @property {string} libraryPath Its libraries (libnss3 and the like): first on the browser's LD_LIBRARY_PATH.
 * @property {string[]} args The package's recommended switches, less the ones in REFUSED.
 */

/**
 * Switches of the package's `args` that the tests do not take. `--single-process`: the whole
 * browser goes with the first context closed, and every test opens its own.
 * `--disable-web-security`, `--allow-running-insecure-content`: the tests check what the
 * page's Content-Security-Policy and the same-origin rule refuse, as a user's browser does.
 */
const REFUSED = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

/** @type {Promise<BundledChromium> | undefined} */
let unpacked;

/** @returns {Promise<BundledChromium>} */
export function bundledChromium() {
  unpacked ??= unpack().catch((error) => {
    unpacked = undefined;
    throw new Error(`Could not unpack the Chromium of @sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
  });
  return unpacked;
}

/** @returns {Promise<BundledChromium>} */
async function unpack() {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const root = packageRoot(entry);
  /** @type {{ version: string }} */
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dir = join(tmpdir(), `verbatim-sparticuz-chromium-${version}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    // Unpacked beside the final folder, then renamed into place in one step: a test run
    // that stops half-way, or two runs at once, never leave a half-written browser there.
    const staging = mkdtempSync(`${dir}.partial-`);
    try {
      // executablePath() unpacks into os.tmpdir() and reuses any `chromium` it finds there
      // (another program's, another version): it runs in a child whose TMPDIR is ours alone.
      const script = `const { default: c } = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.stdout.write(await c.executablePath());`;
      await run(process.execPath, ['--input-type=module', '-e', script], { ...process.env, TMPDIR: staging });
      // The NSS libraries: the package unpacks them only on Amazon Linux, but a bare Debian
      // lacks them too.
      await run('tar', ['-x', '-C', staging], process.env, brotliDecompressSync(readFileSync(join(root, 'bin', 'al2023.tar.br'))));
      if (!existsSync(join(staging, 'chromium'))) throw new Error(`executablePath() left no chromium in ${staging}`);
      try {
        renameSync(staging, dir);
      } catch (error) {
        // Another run put it there first: use theirs.
        if (!existsSync(executablePath)) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { executablePath, libraryPath: join(dir, 'lib'), args: Chromium.args.filter((f) => !REFUSED.has(f)) };
}

/** @param {string} file */
function packageRoot(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@sparticuz/chromium') return dir;
  }
  throw new Error(`no package.json of @sparticuz/chromium above ${file}`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {Buffer} [input]
 * @returns {Promise<void>}
 */
function run(command, args, env, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr?.on('data', (/** @type {Buffer} */ d) => (errors += d));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} stopped (${code ?? signal}): ${errors.trim()}`))));
    child.stdin?.end(input);
  });
}

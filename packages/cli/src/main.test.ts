import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { runCli } from './test-support/run-cli.js';

/** One line, ending with a full stop, no stack trace: the error contract of SPEC §3. */
function expectOneSentence(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(/^verbatim( [a-z-]+)?: [^\n]+\.\n$/);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('verbatim (the dispatcher)', () => {
  it('lists every command with --help, -h and help, and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = runCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: verbatim <command>/m);
      expect(result.stdout).toMatch(/^ {2}align +Show how a commentary quotes a source/m);
      expect(result.stderr).toBe('');
    }
  });

  it('shows a command\'s usage with "help align" and "align --help"', () => {
    for (const args of [['help', 'align'], ['align', '--help'], ['align', 'x.txt', '-h']]) {
      const result = runCli(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: verbatim align <source-file> <commentary-file> \[--input-format text\|markdown\|html\] \[--format json\|text\]/);
    }
  });

  it('prints the overview on stderr and exits 2 when no command is given', () => {
    const result = runCli([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: verbatim <command>/m);
  });

  it('refuses an unknown command in one sentence, exit 2, suggesting a near name', () => {
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expectOneSentence(unknown.stderr, /^verbatim: "frobnicate" is not a command \(run "verbatim --help" to list them\)\.$/m);

    const typo = runCli(['algn', 'a', 'b']);
    expect(typo.status).toBe(2);
    expectOneSentence(typo.stderr, /did you mean "align"\?/);

    const help = runCli(['help', 'frobnicate']);
    expect(help.status).toBe(2);
    expectOneSentence(help.stderr, /"frobnicate" is not a command/);
  });

  it('refuses an option before the command, exit 2', () => {
    const result = runCli(['--format', 'json']);
    expect(result.status).toBe(2);
    expectOneSentence(result.stderr, /^verbatim: unknown option --format; options go after the command name/);
  });

  it('prints its version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });
});

describe('main, in process', () => {
  /** Captures what main writes; `failingStdout` makes every write throw, as a full disk would. */
  function io(options: { failingStdout?: boolean; env?: Record<string, string> } = {}) {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: {
          write(chunk: string) {
            if (options.failingStdout) throw new Error('ENOSPC: no space left on device, write');
            out.stdout += chunk;
          },
        },
        stderr: { write: (chunk: string) => (out.stderr += chunk) },
        env: options.env ?? {},
      },
    };
  }

  it('reports an unexpected error in one sentence, exit 1, without the stack', async () => {
    const { out, io: streams } = io({ failingStdout: true });
    const status = await main(['--version'], streams);
    expect(status).toBe(1);
    expectOneSentence(out.stderr, /^verbatim: unexpected error: ENOSPC: no space left on device, write \(set VERBATIM_DEBUG=1 to see where\)\.$/m);
  });

  it('adds the stack when VERBATIM_DEBUG=1', async () => {
    const { out, io: streams } = io({ failingStdout: true, env: { VERBATIM_DEBUG: '1' } });
    const status = await main(['--version'], streams);
    expect(status).toBe(1);
    expect(out.stderr.split('\n')[0]).toBe('verbatim: unexpected error: ENOSPC: no space left on device, write.');
    expect(out.stderr).toMatch(/\n\s+at /);
  });

  it('never throws, whatever the arguments', async () => {
    for (const argv of [[], ['-'], ['--'], ['align', '--'], ['align', '--format=', 'a', 'b'], ['help', 'help']]) {
      const { io: streams } = io();
      await expect(main(argv, streams)).resolves.toBeTypeOf('number');
    }
  });
});

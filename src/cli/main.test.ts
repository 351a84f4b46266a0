// The command line as a user meets it: spawned with tsx, looking only at exit code, stderr and files.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'src/cli/main.ts');

interface Outcome {
  code: number;
  stderr: string;
}

function cli(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { cwd: ROOT, timeout: 120_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr: String(stderr) });
    });
  });
}

/** Exit code 2 and exactly one line on stderr, no stack trace. */
function expectOneLine(outcome: Outcome, message: string | RegExp): void {
  expect(outcome.code).toBe(2);
  const lines = outcome.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\n\s+at /);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
}

async function corpusDir(name = 'tiny'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cli-corpus-'));
  const records = [
    { kind: 'meta', name, languages: ['en', 'de'] },
    { kind: 'passage', id: 'nile.en', group: 'nile', lang: 'en', text: 'The Nile is a river in Africa.' },
    { kind: 'passage', id: 'nile.de', group: 'nile', lang: 'de', text: 'Der Nil ist ein Fluss in Afrika.' },
    { kind: 'passage', id: 'fuji.en', group: 'fuji', lang: 'en', text: 'Mount Fuji is in Japan.' },
    { kind: 'question', id: 'q.en', qid: 'q', lang: 'en', text: 'Where is the Nile river?', answer_groups: ['nile'] },
    { kind: 'question', id: 'q.de', qid: 'q', lang: 'de', text: 'Wo ist der Nil?', answer_groups: ['nile'] },
  ];
  await writeFile(path.join(dir, 'corpus.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
  return dir;
}

const scratch = () => mkdtemp(path.join(tmpdir(), 'cli-out-'));

describe('the command line refuses bad arguments in one line, exit code 2', () => {
  it('for values parseArgs cannot read, a stray word, a bad tag and a repeated setting', async () => {
    const data = await corpusDir();
    const out = path.join(await scratch(), 'new');
    const [depth, noValue, positional, tag, settings, twice, unknown] = await Promise.all([
      cli(['eval', '--data', data, '--depth', '-1', '--out', out]),
      cli(['eval', '--data', data, '--out']),
      cli(['eval', '--data', data, 'stray', '--out', out]),
      cli(['eval', '--data', data, '--tag', 'my run', '--out', out]),
      cli(['eval', '--data', data, '--settings', 'mono,mono', '--out', out]),
      cli(['eval', '--data', data, '--out', out, '--out', `${out}2`]),
      cli(['eval', '--data', data, '--colour', '--out', out]),
    ]);
    expectOneLine(depth, /^error: Option '--depth' argument is ambiguous\. .*'--depth=-XYZ'\. \(npm run eval -- --help\)$/);
    expectOneLine(noValue, "error: Option '--out <value>' argument missing (npm run eval -- --help)");
    expectOneLine(positional, /^error: Unexpected argument 'stray'\. .*\(npm run eval -- --help\)$/);
    expectOneLine(tag, 'error: --tag "my run": expected 1-64 letters, digits, "_", "." or "-" (trec_eval splits run lines on white space)');
    expectOneLine(settings, 'error: --settings: "mono" is named twice');
    expectOneLine(twice, 'error: --out is given more than once; give it once');
    expectOneLine(unknown, /^error: Unknown option '--colour'.*\(npm run eval -- --help\)$/);
  }, 180_000);

  it('for an --out that is a file, under a file, unwritable, or not empty, before loading anything', async () => {
    const data = await corpusDir();
    const dir = await scratch();
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'keep me');
    const [onFile, underFile, unwritable, notEmpty] = await Promise.all([
      cli(['eval', '--data', data, '--out', file]),
      cli(['eval', '--data', data, '--out', path.join(file, 'out')]),
      cli(['eval', '--data', data, '--out', '/sys/kernel', '--force']),
      cli(['eval', '--data', data, '--out', dir]),
    ]);
    expectOneLine(onFile, `error: --out ${file}: is a file; give a folder (it is created when missing)`);
    expectOneLine(underFile, `error: --out ${path.join(file, 'out')}: a part of the path is a file, not a folder (ENOTDIR)`);
    expectOneLine(unwritable, /^error: --out \/sys\/kernel: cannot write there: (permission denied \(EACCES\)|operation not permitted \(EPERM\))$/);
    expectOneLine(
      notEmpty,
      `error: --out ${dir}: the folder is not empty (notes.txt); give a new or empty folder, or add --force to replace the files this run writes`,
    );
    expect(await readFile(file, 'utf8')).toBe('keep me');
  }, 180_000);

  it('says a URL is unreachable rather than that it has no manifest.json', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const outcome = await cli(['eval', '--data', `http://127.0.0.1:${port}/xquad/`, '--out', path.join(await scratch(), 'o')]);
    expectOneLine(outcome, `error: cannot reach http://127.0.0.1:${port}/xquad/manifest.json (fetch failed: ECONNREFUSED)`);
  }, 120_000);
});

describe('the command line keeps earlier results', () => {
  it('writes nothing into place when the run fails at the end (a folder named run.mono.trec), leaving no partial files', async () => {
    const data = await corpusDir();
    const out = await scratch();
    await writeFile(path.join(out, 'metrics.json'), '{"earlier": true}\n');
    await mkdir(path.join(out, 'run.mono.trec'));
    const outcome = await cli(['eval', '--data', data, '--settings', 'mono', '--out', out, '--force']);
    // Progress lines come first; the failure is the last line, alone, without a stack trace.
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trimEnd().split('\n').at(-1)).toBe(`error: cannot replace ${path.join(out, 'run.mono.trec')}: is a folder (EISDIR)`);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(out)).sort()).toEqual(['metrics.json', 'run.mono.trec']);
    expect(await readFile(path.join(out, 'metrics.json'), 'utf8')).toBe('{"earlier": true}\n');
  }, 120_000);

  it('replaces files only with --force, and prints corpus names with control characters escaped', async () => {
    const data = await corpusDir('evil\u001b[2J\u001b]0;pwned\u0007name');
    const out = path.join(await scratch(), 'run');
    const first = await cli(['eval', '--data', data, '--settings', 'mono', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('evil\\u{1b}[2J\\u{1b}]0;pwned\\u{7}name: 3 passages, 2 questions, 2 languages (en de)');
    expect(first.stderr).not.toContain('\u001b');
    expect((await readdir(out)).sort()).toEqual(['metrics.json', 'qrels.mono.txt', 'run.mono.trec']);
    const again = await cli(['eval', '--data', data, '--settings', 'mono', '--out', out]);
    expect(again.code).toBe(2);
    const forced = await cli(['eval', '--data', data, '--settings', 'mono', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['metrics.json', 'qrels.mono.txt', 'run.mono.trec']);
  }, 180_000);
});

/**
 * The layer rules in eslint.config.js, proven on planted imports: each forbidden direction fails
 * lint with the zone rule, a cycle fails with no-cycle, and the allowed directions pass. The
 * planted files are linted as if they sat inside each layer (lintText with a filePath there).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
let eslint: ESLint;
/** A module planted inside src/app, so the app cases do not depend on how src/app is laid out. */
let appDir: string;
let app: (from: string) => string;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  appDir = await mkdtemp(path.join(ROOT, 'src/app/lint-planted-'));
  await writeFile(path.join(appDir, 'target.ts'), 'export const LANG_NAMES = {};\n');
  app = (from) => path.relative(path.join(ROOT, from), path.join(appDir, 'target')).split(path.sep).join('/');
});

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

/** The rule ids lint reports for `code` placed at `file` (relative to the project root). */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('layer zones', () => {
  it.each([
    ['core -> encoder', 'src/core/metrics/planted.ts', "import { hashTexts } from '../../encoder/content-hash';\nexport const x = hashTexts;\n"],
    ['core -> app', 'src/core/metrics/planted.ts', (): string => `import { LANG_NAMES } from '${app('src/core/metrics')}';\nexport const x = LANG_NAMES;\n`],
    ['core -> cli', 'src/core/metrics/planted.ts', "import { CliError } from '../../cli/cli-error';\nexport const x = CliError;\n"],
    ['encoder -> app', 'src/encoder/planted.ts', (): string => `import { LANG_NAMES } from '${app('src/encoder')}';\nexport const x = LANG_NAMES;\n`],
    ['encoder -> cli', 'src/encoder/planted.ts', "import { CliError } from '../cli/cli-error';\nexport const x = CliError;\n"],
    ['cli -> app', 'src/cli/planted.ts', (): string => `import { LANG_NAMES } from '${app('src/cli')}';\nexport const x = LANG_NAMES;\n`],
    ['scripts -> app', 'scripts/planted.ts', (): string => `import { LANG_NAMES } from '${app('scripts')}';\nexport const x = LANG_NAMES;\n`],
    ['analysis -> training', 'src/core/analysis/planted.ts', "import { trainAdapter } from '../training/train';\nexport const x = trainAdapter;\n"],
    [
      'view state -> training internals',
      'src/core/view-state/planted.ts',
      "import { createSampler } from '../training/samplers';\nexport const x = createSampler;\n",
    ],
  ])('%s fails lint with import-x/no-restricted-paths', async (_name, file, code) => {
    expect(await rulesFor(file, typeof code === 'string' ? code : code())).toEqual(['import-x/no-restricted-paths']);
  });

  it.each([
    ['encoder -> core', 'src/encoder/planted.ts', "import { dotScores } from '../core/numeric/row-matrix';\nexport const x = dotScores;\n"],
    [
      'cli -> encoder and core',
      'src/cli/planted.ts',
      "import { ModelError } from '../encoder/model-error';\nimport { createRng } from '../core/numeric/rng';\nexport const x = [ModelError, createRng];\n",
    ],
    [
      'app -> core and encoder',
      'src/app/planted.ts',
      "import { createRng } from '../core/numeric/rng';\nimport { hashTexts } from '../encoder/content-hash';\nexport const x = [createRng, hashTexts];\n",
    ],
    [
      'view state -> strategy names',
      'src/core/view-state/planted.ts',
      "import { STRATEGY_SHORT_NAMES } from '../training/strategy-names';\nexport const x = STRATEGY_SHORT_NAMES;\n",
    ],
  ])('%s passes', async (_name, file, code) => {
    expect(await rulesFor(file, code)).toEqual([]);
  });

  it('fails on a relative import that resolves to nothing, so a zone cannot pass by not resolving', async () => {
    expect(await rulesFor('src/core/metrics/planted.ts', "import { x } from '../no-such-module';\nexport const y = x;\n")).toEqual(['import-x/no-unresolved']);
  });

  it('keeps core free of framework, runtime and Node packages', async () => {
    const code = "import { useState } from 'react';\nimport { readFileSync } from 'node:fs';\nexport const x = [useState, readFileSync];\n";
    expect(await rulesFor('src/core/metrics/planted.ts', code)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });
});

describe('import cycles', () => {
  it('fail lint with import-x/no-cycle on both files', async () => {
    // A cycle needs both files on disk, so the rule can follow the second import back.
    const dir = await mkdtemp(path.join(ROOT, 'src/core/lint-cycle-'));
    try {
      await writeFile(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      await writeFile(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const results = await eslint.lintFiles([path.join(dir, '*.ts')]);
      expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)])).toEqual([
        ['a.ts', ['import-x/no-cycle']],
        ['b.ts', ['import-x/no-cycle']],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

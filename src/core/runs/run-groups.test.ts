import { describe, expect, it } from 'vitest';
import { groupRunParts, runPartName } from './run-groups';

/** The groups as file names, easier to read than indices. */
const named = (names: string[]) =>
  groupRunParts(names).map((g) => (g.kind === 'single' ? names[g.index] : `${g.stem}: ${g.parts.map((p) => `${p.setting}=${names[p.index]}`).join(' ')}`));

describe('grouping run files opened together (groupRunParts)', () => {
  it("makes the evaluation's three files one system, in setting order, whatever order they were picked in", () => {
    expect(named(['run.multi.trec', 'run.mono.trec', 'run.cross.trec'])).toEqual(['run: mono=run.mono.trec cross=run.cross.trec multi=run.multi.trec']);
  });

  it('keeps each stem apart and other files alone, in the order of their first file', () => {
    expect(named(['bm25.txt', 'e5.cross.trec', 'run.mono.trec', 'e5.multi.json', 'run.multi.trec', 'run.multi.depth10.trec'])).toEqual([
      'bm25.txt',
      'e5: cross=e5.cross.trec multi=e5.multi.json',
      'run: mono=run.mono.trec multi=run.multi.trec',
      'run.multi.depth10.trec',
    ]);
  });

  it('leaves a stem met once, and every file of a stem naming a setting twice, as systems of their own', () => {
    expect(named(['run.multi.trec'])).toEqual(['run.multi.trec']);
    expect(named(['run.multi.trec', 'run.mono.trec', 'run.multi.txt'])).toEqual(['run.multi.trec', 'run.mono.trec', 'run.multi.txt']);
    expect(named(['run.multi.trec', 'run.multi.trec'])).toEqual(['run.multi.trec', 'run.multi.trec']);
  });

  it('reads the setting case-blind and needs an extension after it', () => {
    expect(runPartName('Run.MULTI.trec')).toEqual({ stem: 'Run', setting: 'multi' });
    expect(runPartName('run.multi')).toBeNull();
    expect(runPartName('multi.trec')).toBeNull();
  });
});

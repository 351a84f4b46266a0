import { describe, expect, it } from 'vitest';
import { createMemorySource, type PickedFile } from './memory-source';

function picked(path: string, text: string): PickedFile {
  return { name: path.split('/').at(-1)!, webkitRelativePath: path, text: async () => text };
}

describe('createMemorySource', () => {
  it('drops the folder a user picked and names the source after it', async () => {
    const source = createMemorySource([picked('scifact/qrels/test.tsv', 'q'), picked('scifact/corpus.jsonl', 'c')]);
    expect(source.label).toBe('scifact');
    expect(await source.list()).toEqual(['corpus.jsonl', 'qrels/test.tsv']);
    expect(await source.readText('qrels/test.tsv')).toBe('q');
  });

  it('reads browser File objects and {name, text} pairs alike', async () => {
    const source = createMemorySource([new File(['{"a":1}'], 'en.json'), { name: 'de.json', text: '{}' }], 'picked');
    expect(await source.list()).toEqual(['de.json', 'en.json']);
    expect(await source.readText('en.json')).toBe('{"a":1}');
    expect(source.label).toBe('picked');
  });

  it('names the missing file and what there is', async () => {
    const source = createMemorySource([{ name: 'a.jsonl', text: '' }]);
    await expect(source.readText('b.jsonl')).rejects.toThrow('picked files: no file "b.jsonl" (have a.jsonl)');
  });

  it('refuses the same path twice', () => {
    expect(() =>
      createMemorySource(
        [
          { name: 'a.jsonl', text: '' },
          { name: 'a.jsonl', text: '' },
        ],
        'x',
      ),
    ).toThrow('x: "a.jsonl" was given twice');
  });
});

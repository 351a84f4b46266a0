import { describe, expect, it } from 'vitest';
import { CorpusError } from './corpus-error';
import { decodeUtf8, firstInvalidUtf8 } from './decode-utf8';
import { loadJsonlCorpus } from './jsonl-loader';
import { createMemorySource } from './memory-source';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and keeps a BOM for the JSON readers to strip', () => {
    expect(decodeUtf8('a.txt', new TextEncoder().encode('café ナイル'))).toBe('café ナイル');
    expect(decodeUtf8('a.txt', Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toBe('\ufeffA');
  });

  it('refuses Latin-1 "café" instead of loading "caf\\uFFFD", naming the file and byte offset', () => {
    const error = (() => {
      try {
        return decodeUtf8('en.json', latin1('{"t":"café"}'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toBe('en.json: byte 9: invalid UTF-8 (0xe9); save the file as UTF-8 (it may be Latin-1 or Windows-1252)');
  });

  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.of(0x41, 0x42, 0xe3, 0x81))).toBe(2);
    expect(firstInvalidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('ok 𝄞'))).toBe(7);
  });

  it('is applied to picked files (a browser File), not only to files on disk', async () => {
    const bytes = latin1('{"kind":"passage","id":"p","lang":"fr","text":"café"}');
    const picked = { name: 'c.jsonl', text: async () => 'never used', arrayBuffer: async () => bytes.buffer };
    await expect(loadJsonlCorpus(createMemorySource([picked], 't'), ['c.jsonl'])).rejects.toThrow('c.jsonl: byte 50: invalid UTF-8 (0xe9)');
  });
});

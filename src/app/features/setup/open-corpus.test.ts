import { describe, expect, it } from 'vitest';
import { foreignOrigin } from './open-corpus';

const page = 'https://lab.example.org/app/?tab=ranking';

describe('foreignOrigin: which linked corpora wait for the person to agree', () => {
  it('names the other site of a URL corpus', () => {
    expect(foreignOrigin({ kind: 'url', url: 'https://data.example.com/xquad/' }, page)).toBe('https://data.example.com');
    expect(foreignOrigin({ kind: 'url', url: 'http://lab.example.org/data/' }, page)).toBe('http://lab.example.org'); // another scheme is another origin
  });

  it("names GitHub for the presets hosted there, and nothing for this site's own files", () => {
    expect(foreignOrigin({ kind: 'preset', id: 'xquad-r' }, page)).toBe('https://raw.githubusercontent.com');
    expect(foreignOrigin({ kind: 'preset', id: 'demo' }, page)).toBeNull();
    expect(foreignOrigin({ kind: 'url', url: '/dev-data/xquad-r/' }, page)).toBeNull();
    expect(foreignOrigin({ kind: 'url', url: 'https://lab.example.org/other/' }, page)).toBeNull();
    expect(foreignOrigin({ kind: 'picked', name: 'x' }, page)).toBeNull();
  });
});

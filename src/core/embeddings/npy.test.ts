import { describe, expect, it } from 'vitest';
import { embeddingFixture as bytes } from '../../../test/fixtures/embeddings/files';
import { readNpyEmbeddings, readNpyHeader, writeNpyEmbeddings } from './npy';

// The fixtures were written by numpy 2.4 (np.save), so the reader is checked against numpy's own files.

describe('.npy embeddings', () => {
  it("reads numpy's float32 (3, 4) array with its id list", () => {
    const set = readNpyEmbeddings(bytes('three-by-four.f32.npy'), 'e.npy', 'p1\np2\nq1\n', 'ids.txt');
    expect(set.ids).toEqual(['p1', 'p2', 'q1']);
    expect(set.dim).toBe(4);
    expect(Array.from(set.rows.subarray(4, 8))).toEqual([0, Math.fround(0.6), Math.fround(0.8), 0]);
  });

  it('writes what it reads, with a header numpy accepts (padded to 64 bytes)', () => {
    const set = readNpyEmbeddings(bytes('three-by-four.f32.npy'), 'e.npy', 'p1\np2\nq1', 'ids.txt');
    const { npy, ids } = writeNpyEmbeddings(set);
    expect(ids).toBe('p1\np2\nq1\n');
    expect(readNpyHeader(npy, 'w.npy').dataOffset % 64).toBe(0);
    expect(readNpyEmbeddings(npy, 'w.npy', ids, 'ids.txt')).toEqual({ ...set, source: 'w.npy' });
    // Same bytes as np.save for the same array: numpy pads to 64 too.
    expect(Array.from(npy)).toEqual(Array.from(bytes('three-by-four.f32.npy')));
  });

  it('refuses float64, a 1-D array and Fortran order by what the header says', () => {
    expect(() => readNpyEmbeddings(bytes('float64.npy'), 'f.npy', 'a\nb', 'ids.txt')).toThrow("f.npy: header: dtype '<f8' (float64); expected float32 ('<f4')");
    expect(() => readNpyEmbeddings(bytes('one-dim.npy'), 'o.npy', 'a', 'ids.txt')).toThrow(
      'o.npy: header: shape (5,) has 1 dimension(s); expected 2 (rows, dim)',
    );
    expect(() => readNpyEmbeddings(bytes('fortran.npy'), 'r.npy', 'a\nb', 'ids.txt')).toThrow('r.npy: header: the array is in Fortran order');
    expect(() => readNpyEmbeddings(new TextEncoder().encode('id,vec'), 'x.npy', 'a', 'ids.txt')).toThrow('x.npy: not a .npy file');
  });

  it('names the id list when it has the wrong number of ids, a blank line or a repeated id', () => {
    const f = bytes('three-by-four.f32.npy');
    expect(() => readNpyEmbeddings(f, 'e.npy', 'p1\np2\n', 'ids.txt')).toThrow('ids.txt: 2 ids for the 3 rows of e.npy');
    expect(() => readNpyEmbeddings(f, 'e.npy', 'p1\n\np3\n', 'ids.txt')).toThrow('ids.txt: line 2: is blank');
    expect(() => readNpyEmbeddings(f, 'e.npy', 'p1\np2\np1\n', 'ids.txt')).toThrow('e.npy: row 3 (ids.txt line 3): id "p1" again');
  });

  it('refuses data shorter than the shape says', () => {
    const f = bytes('three-by-four.f32.npy');
    expect(() => readNpyEmbeddings(f.subarray(0, f.length - 4), 'e.npy', 'p1\np2\nq1', 'ids.txt')).toThrow(
      'e.npy: holds 44 bytes of data; shape (3, 4) of float32 needs 48',
    );
  });
});

import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readParquetEmbeddings, writeParquetEmbeddings } from './parquet-embeddings';

type Column = { name: string; data: unknown[] };

/** A Parquet file with an id column and a list column of `element` type, written by hyparquet-writer. */
function listFile(vectors: unknown[], opts: { element?: 'FLOAT' | 'DOUBLE'; ids?: string[]; idName?: string; vectorName?: string } = {}): ArrayBuffer {
  const idName = opts.idName ?? 'id';
  const vectorName = opts.vectorName ?? 'embedding';
  const ids = opts.ids ?? vectors.map((_, i) => `p${i + 1}`);
  const columnData: Column[] = [
    { name: idName, data: ids },
    { name: vectorName, data: vectors },
  ];
  return parquetWriteBuffer({
    columnData: columnData as never,
    schema: [
      { name: 'root', num_children: 2 },
      { name: idName, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: vectorName, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'item', type: opts.element ?? 'FLOAT', repetition_type: 'REQUIRED' },
    ],
  });
}

describe('readParquetEmbeddings', () => {
  it('reads ids and float32 rows, and writes them back to the same set with the encoder named', async () => {
    const file = listFile([
      [1, 0, 0],
      [0, 0.5, -2],
    ]);
    const set = await readParquetEmbeddings(file, 'e.parquet');
    expect(set.ids).toEqual(['p1', 'p2']);
    expect(set.dim).toBe(3);
    expect(Array.from(set.rows)).toEqual([1, 0, 0, 0, 0.5, -2]);

    const again = await readParquetEmbeddings(writeParquetEmbeddings({ ...set, encoder: 'fixture/xlmr-tiny@q8/mean' }), 'out.parquet');
    expect(again).toEqual({ ...set, source: 'out.parquet', encoder: 'fixture/xlmr-tiny@q8/mean' });
  });

  it('finds a vector column named "vector" (Qdrant) and takes explicit column names', async () => {
    const qdrant = listFile([[0.25, 0.75]], { vectorName: 'vector' });
    expect(Array.from((await readParquetEmbeddings(qdrant, 'q.parquet')).rows)).toEqual([0.25, 0.75]);
    const custom = listFile([[1, 2]], { idName: 'doc_id', vectorName: 'dense' });
    const set = await readParquetEmbeddings(custom, 'c.parquet', { idColumn: 'doc_id', vectorColumn: 'dense' });
    expect(set.ids).toEqual(['p1']);
  });

  it('refuses a file without the id column, by name, listing the columns it has', async () => {
    const file = listFile([[1, 2]], { idName: 'doc' });
    await expect(readParquetEmbeddings(file, 'e.parquet')).rejects.toThrow(
      "e.parquet: no column 'id' (the file has 'doc', 'embedding'); the ids go in a column named 'id'",
    );
  });

  it('refuses a file without a vector column, by name', async () => {
    const file = listFile([[1, 2]], { vectorName: 'features' });
    await expect(readParquetEmbeddings(file, 'e.parquet')).rejects.toThrow(
      "e.parquet: no vector column 'embedding' or 'vector' or 'embeddings' or 'emb' (the file has 'id', 'features')",
    );
  });

  it('refuses float64 lists and a column of scalars, naming the column and the type', async () => {
    const f64 = listFile([[1, 2]], { element: 'DOUBLE' });
    await expect(readParquetEmbeddings(f64, 'e.parquet')).rejects.toThrow("e.parquet: vector column 'embedding': holds float64 lists; expected list<float32>");
    const scalars = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['a'], type: 'STRING' },
        { name: 'embedding', data: [0.5], type: 'FLOAT' },
      ],
    });
    await expect(readParquetEmbeddings(scalars, 'e.parquet')).rejects.toThrow("vector column 'embedding': holds float32 values, not lists");
  });

  it('names the row of a ragged vector, a duplicate id and an id with a space', async () => {
    await expect(readParquetEmbeddings(listFile([[1, 2], [3, 4], [5]]), 'e.parquet')).rejects.toThrow(
      "e.parquet: row 3: vector of length 1 in column 'embedding', but row 1 has 2",
    );
    await expect(readParquetEmbeddings(listFile([[1], [2], [3]], { ids: ['a', 'b', 'a'] }), 'e.parquet')).rejects.toThrow(
      `e.parquet: row 3 (column 'id' "a"): id "a" again (first at row 1 (column 'id' "a")); each id once`,
    );
    await expect(readParquetEmbeddings(listFile([[1]], { ids: ['a b'] }), 'e.parquet')).rejects.toThrow('row 1 (column \'id\' "a b"): id contains a space');
  });

  it('refuses bytes that are not Parquet', async () => {
    await expect(readParquetEmbeddings(new TextEncoder().encode('id,embedding\n').buffer, 'e.csv')).rejects.toThrow('e.csv: not a Parquet file');
  });
});

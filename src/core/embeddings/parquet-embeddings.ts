/**
 * Embeddings as Parquet: an id column and a list<float32> vector column, the layout Qdrant
 * exports and Ray Data / pyarrow write. Read with hyparquet and written with hyparquet-writer,
 * which run in the browser and in Node alike (no native code, no Node built-ins).
 */
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData, type SchemaTree } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { quoteValue } from '../corpus/printable';
import { EmbeddingFormatError } from './embedding-error';
import { checkEmbeddingSet, type EmbeddingSet } from './embedding-set';

/** The vector column's name when none is given: the first of these the file has. */
export const VECTOR_COLUMNS = ['embedding', 'vector', 'embeddings', 'emb'] as const;
/** Key-value metadata naming the encoder that made the rows. */
export const ENCODER_KEY = 'xling.encoder';

export interface ParquetColumns {
  /** Default "id". */
  idColumn?: string;
  /** Default: the first of VECTOR_COLUMNS present. */
  vectorColumn?: string;
}

/** What a leaf of the schema holds, in words: "float32", "float64", "int64", "string". */
function leafType(tree: SchemaTree): string {
  const e = tree.element;
  if (e.type === 'FLOAT') return 'float32';
  if (e.type === 'DOUBLE') return 'float64';
  if (e.type === 'BYTE_ARRAY') return e.converted_type === 'UTF8' || e.logical_type?.type === 'STRING' ? 'string' : 'bytes';
  return String(e.type ?? 'group').toLowerCase();
}

/** The element leaf of a LIST column (3-level or legacy 2-level), or null when it is not a list of scalars. */
function listElement(column: SchemaTree): SchemaTree | null {
  const e = column.element;
  const isList = e.converted_type === 'LIST' || e.logical_type?.type === 'LIST';
  if (!isList || column.children.length !== 1) return null;
  const repeated = column.children[0];
  if (repeated.children.length === 0) return repeated; // 2-level: the repeated field is the element
  if (repeated.children.length !== 1 || repeated.children[0].children.length > 0) return null;
  return repeated.children[0];
}

function describeColumns(columns: SchemaTree[]): string {
  return columns.map((c) => `'${c.element.name}'`).join(', ');
}

/** Reads and checks an embeddings Parquet file. `file` names it in messages. */
export async function readParquetEmbeddings(buffer: ArrayBuffer, file: string, opts: ParquetColumns = {}): Promise<EmbeddingSet> {
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (e) {
    throw new EmbeddingFormatError(file, '', `not a Parquet file (${e instanceof Error ? e.message : String(e)})`);
  }
  const columns = parquetSchema(metadata).children;
  const byName = new Map(columns.map((c) => [c.element.name, c]));
  const idName = opts.idColumn ?? 'id';
  const idColumn = byName.get(idName);
  if (!idColumn)
    throw new EmbeddingFormatError(file, '', `no column '${idName}' (the file has ${describeColumns(columns)}); the ids go in a column named '${idName}'`);
  if (idColumn.children.length > 0 || !['string', 'int32', 'int64'].includes(leafType(idColumn)))
    throw new EmbeddingFormatError(
      file,
      `column '${idName}'`,
      `holds ${idColumn.children.length ? 'nested values' : leafType(idColumn)}; ids are strings (or integers)`,
    );
  const vectorName = opts.vectorColumn ?? VECTOR_COLUMNS.find((n) => byName.has(n));
  const vectorColumn = vectorName === undefined ? undefined : byName.get(vectorName);
  if (!vectorColumn || vectorName === undefined) {
    const wanted = opts.vectorColumn ? `'${opts.vectorColumn}'` : VECTOR_COLUMNS.map((n) => `'${n}'`).join(' or ');
    throw new EmbeddingFormatError(file, '', `no vector column ${wanted} (the file has ${describeColumns(columns)})`);
  }
  const element = listElement(vectorColumn);
  if (!element) {
    const held = vectorColumn.children.length ? 'nested groups' : `${leafType(vectorColumn)} values`;
    throw new EmbeddingFormatError(file, `vector column '${vectorName}'`, `holds ${held}, not lists; expected list<float32>`);
  }
  if (leafType(element) !== 'float32') {
    throw new EmbeddingFormatError(
      file,
      `vector column '${vectorName}'`,
      `holds ${leafType(element)} lists; expected list<float32> (in pyarrow: pa.list_(pa.float32()); in numpy: .astype("float32"))`,
    );
  }

  const count = Number(metadata.num_rows);
  const ids: string[] = new Array(count);
  const rowName = (i: number) => `row ${i + 1}`;
  // Chunks are checked after the read: hyparquet calls onChunk where a throw would go unhandled.
  const chunks: Array<{ column: string; data: ArrayLike<unknown>; rowStart: number }> = [];
  try {
    await parquetRead({
      file: buffer,
      columns: [idName, vectorName],
      onChunk: ({ columnName, columnData, rowStart }) => chunks.push({ column: columnName, data: columnData, rowStart }),
    });
  } catch (e) {
    throw new EmbeddingFormatError(file, '', `cannot read the Parquet data (${e instanceof Error ? e.message : String(e)})`);
  }
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  let rows: Float32Array | null = null;
  let dim = 0;
  for (const { column, data, rowStart } of chunks) {
    for (let i = 0; i < data.length; i++) {
      const r = rowStart + i;
      const v = data[i];
      if (v === null || v === undefined)
        throw new EmbeddingFormatError(file, rowName(r), `column '${column}' is null; every row needs ${column === idName ? 'an id' : 'a vector'}`);
      if (column === idName) {
        ids[r] = String(v);
        continue;
      }
      const vector = v as ArrayLike<number>;
      if (!rows) {
        dim = vector.length;
        if (dim === 0) throw new EmbeddingFormatError(file, rowName(r), `vector column '${vectorName}' holds an empty list`);
        rows = new Float32Array(count * dim);
      }
      if (vector.length !== dim)
        throw new EmbeddingFormatError(
          file,
          rowName(r),
          `vector of length ${vector.length} in column '${vectorName}', but row 1 has ${dim}; every vector needs the same length`,
        );
      rows.set(vector, r * dim);
    }
  }
  if (!rows) throw new EmbeddingFormatError(file, '', 'holds no rows');
  const encoder = metadata.key_value_metadata?.find((kv) => kv.key === ENCODER_KEY)?.value;
  const set = checkEmbeddingSet({ source: file, encoder, ids, dim, rows }, (i) => `${rowName(i)} (column '${idName}' ${quoteValue(ids[i] ?? '', 40)})`);
  return set;
}

/** The set as Parquet bytes: id (string), embedding (list<float32>), and the encoder in the metadata. */
export function writeParquetEmbeddings(set: EmbeddingSet): ArrayBuffer {
  const { ids, dim, rows } = set;
  const vectors = ids.map((_, i) => Array.from(rows.subarray(i * dim, (i + 1) * dim)));
  return parquetWriteBuffer({
    columnData: [
      { name: 'id', data: ids },
      { name: 'embedding', data: vectors },
    ],
    schema: [
      { name: 'root', num_children: 2 },
      { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      // The 3-level LIST that pyarrow writes for list<float32> (element names as in the spec).
      { name: 'embedding', repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' },
    ],
    kvMetadata: set.encoder ? [{ key: ENCODER_KEY, value: set.encoder }] : undefined,
  });
}

/**
 * The encoder label an embeddings file carries in its Parquet key-value metadata (ENCODER_KEY,
 * "xling.encoder"): "<model id>@<dtype>/<pooling>" as the lab's encoders name themselves
 * (e.g. "intfloat/multilingual-e5-small@q8/mean"), with "+<strategy>-adapter" after it for rows a
 * trained adapter transformed. A file that names its model can load that model for free text.
 */
export interface EncoderLabel {
  modelId: string;
  dtype: string;
  pooling: string;
  /** The adapter's strategy for adapted rows, else null. */
  adapter: string | null;
}

const LABEL = /^(\S+)@([a-z0-9]+)\/([a-z_]+)(?:\+(\S+)-adapter)?$/;

/** The parts of a label, or null for a label in another form (or none). */
export function parseEncoderLabel(label: string | undefined): EncoderLabel | null {
  const m = label ? LABEL.exec(label) : null;
  return m ? { modelId: m[1], dtype: m[2], pooling: m[3], adapter: m[4] ?? null } : null;
}

/** The label of rows transformed by a trained adapter of this strategy. */
export function adaptedEncoderLabel(encoderLabel: string, strategy: string): string {
  return `${encoderLabel}+${strategy}-adapter`;
}

/**
 * Which files a registry entry needs for one dtype, and how transformers.js is told about external
 * data: the loaders (Node, worker, picked folders, models:fetch) all ask here.
 */
import { ONNX_FILE, type Dtype, type ModelEntry } from './model-registry';

/** The files a loader needs for one dtype (external data included); special_tokens_map.json is optional. */
export function requiredFilesFor(entry: ModelEntry, dtype: Dtype): string[] {
  const f = entry.dtypes[dtype];
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', f?.file ?? ONNX_FILE[dtype], ...(f?.externalData ?? [])];
}

/**
 * transformers.js' `use_external_data_format` option for a dtype: { 'model.onnx': 1 } makes it
 * fetch onnx/model.onnx_data beside the graph (utils/model-loader.js); undefined when the graph
 * holds its weights.
 */
export function externalDataOption(entry: ModelEntry, dtype: Dtype): Record<string, number> | undefined {
  const f = entry.dtypes[dtype];
  if (!f?.externalData?.length) return undefined;
  return { [f.file.split('/').pop()!]: f.externalData.length };
}

/** Files a dtype needs that a folder (relative path -> anything) lacks, in load order. */
export function missingFiles(entry: ModelEntry, dtype: Dtype, files: Record<string, unknown>): string[] {
  return requiredFilesFor(entry, dtype).filter((f) => !(f in files));
}

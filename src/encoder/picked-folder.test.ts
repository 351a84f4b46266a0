import { describe, expect, it } from 'vitest';
import { findModel } from './model-registry';
import { describePickedModel, isModelFile, missingFilesFor, readPickedFileList } from './picked-folder';

/** What <input webkitdirectory> hands over: File objects with webkitRelativePath. */
function picked(path: string, text: string): File {
  const file = new File([text], path.split('/').pop()!);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

const config = JSON.stringify({ model_type: 'xlm-roberta', hidden_size: 64, num_hidden_layers: 2, vocab_size: 1659 });

describe('readPickedFileList', () => {
  it('keeps only the files a model needs, relative to the folder holding config.json', async () => {
    const folder = await readPickedFileList([
      picked('models/xlmr-tiny/config.json', config),
      picked('models/xlmr-tiny/tokenizer.json', '{}'),
      picked('models/xlmr-tiny/tokenizer_config.json', '{}'),
      picked('models/xlmr-tiny/onnx/model_quantized.onnx', 'onnx'),
      picked('models/xlmr-tiny/README.md', '# readme'),
      picked('models/xlmr-tiny/pytorch_model.bin', 'weights'),
    ]);
    expect(folder.name).toBe('xlmr-tiny');
    expect(Object.keys(folder.files).sort()).toEqual(['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(new TextDecoder().decode(folder.files['onnx/model_quantized.onnx'])).toBe('onnx');
  });

  it('says what to pick when there is no config.json', async () => {
    await expect(readPickedFileList([picked('stuff/a.txt', 'x')])).rejects.toThrow(
      'the picked folder "stuff" has no config.json; pick the model folder itself',
    );
    await expect(readPickedFileList([])).rejects.toThrow(/no files were picked/);
  });
});

describe('describePickedModel and missingFilesFor', () => {
  it('describes the folder with its preset and names the missing files', async () => {
    const folder = await readPickedFileList([
      picked('xlmr-tiny/config.json', config),
      picked('xlmr-tiny/tokenizer.json', '{}'),
      picked('xlmr-tiny/onnx/model.onnx', 'x'),
    ]);
    const entry = describePickedModel(folder);
    expect(entry).toMatchObject({ id: 'folder:xlmr-tiny', dimensions: 64, prefixes: findModel('fixture/xlmr-tiny')!.prefixes });
    expect(Object.keys(entry.dtypes)).toEqual(['fp32']);
    expect(missingFilesFor(folder, entry, 'fp32')).toEqual(['tokenizer_config.json']);
    expect(missingFilesFor(folder, entry, 'q8')).toEqual(['tokenizer_config.json', 'onnx/model_quantized.onnx']);
    expect(isModelFile('onnx/model_fp16.onnx')).toBe(true);
    expect(isModelFile('onnx/sub/model.onnx')).toBe(false);
  });
});

describe('a picked folder with external data', () => {
  it('reads model.onnx_data, describes fp32 with it, and names it when it is missing', async () => {
    const files = [
      picked('e5-large/config.json', config),
      picked('e5-large/tokenizer.json', '{}'),
      picked('e5-large/tokenizer_config.json', '{}'),
      picked('e5-large/onnx/model.onnx', 'graph'),
      picked('e5-large/onnx/model.onnx_data', 'weights'),
    ];
    const folder = await readPickedFileList(files);
    expect(Object.keys(folder.files).sort()).toEqual(['config.json', 'onnx/model.onnx', 'onnx/model.onnx_data', 'tokenizer.json', 'tokenizer_config.json']);
    const entry = describePickedModel(folder);
    expect(entry.dtypes.fp32?.externalData).toEqual(['onnx/model.onnx_data']);
    expect(missingFilesFor(folder, entry, 'fp32')).toEqual([]);
    const large = findModel('Xenova/multilingual-e5-large')!;
    const { ['onnx/model.onnx_data']: _gone, ...withoutData } = folder.files;
    expect(missingFilesFor({ ...folder, files: withoutData }, large, 'fp32')).toEqual(['onnx/model.onnx_data']);
  });
});

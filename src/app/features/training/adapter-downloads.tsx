import type { ExperimentResult } from '../../../core/training/run-experiment';
import { buildExperimentJson, formatResultsFile } from '../../../core/training/experiment-files';
import type { ExportedFile } from '../../shared/download';

export interface AdapterDownloadsProps {
  result: ExperimentResult;
  onExport(file: ExportedFile): void;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** File names that say which encoder and seed an adapter belongs to. */
export function adapterDownloadName(result: ExperimentResult, shortName: string): string {
  return `adapter-${shortName}-${slug(result.encoder.id)}-seed${result.config.seed}.xlad`;
}

/** The trained adapters as files (the format `npm run experiment` writes), and the results as JSON and markdown. */
export function AdapterDownloads({ result, onExport }: AdapterDownloadsProps) {
  const stem = `experiment-${slug(result.corpus.name)}-${slug(result.encoder.id)}-seed${result.config.seed}`;
  return (
    <div className="tr-downloads" data-testid="training-downloads">
      <span className="tr-group-label">Download</span>
      {result.strategies.map((s) => (
        <button
          key={s.name}
          type="button"
          className="button small"
          data-testid={`training-download-${s.shortName}`}
          onClick={() =>
            onExport({
              name: adapterDownloadName(result, s.shortName),
              blob: new Blob([s.adapterBytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
            })
          }
        >
          {s.shortName} adapter ({(s.adapterBytes.length / 1024).toFixed(0)} KB)
        </button>
      ))}
      <button
        type="button"
        className="button small"
        data-testid="training-download-json"
        onClick={() =>
          onExport({ name: `${stem}.json`, blob: new Blob([`${JSON.stringify(buildExperimentJson(result), null, 2)}\n`], { type: 'application/json' }) })
        }
      >
        experiment.json
      </button>
      <button
        type="button"
        className="button small"
        data-testid="training-download-md"
        onClick={() => onExport({ name: `${stem}.md`, blob: new Blob([formatResultsFile(result)], { type: 'text/markdown' }) })}
      >
        results.md
      </button>
      <p className="tr-muted">
        An adapter maps {result.encoder.id} embeddings ({result.encoder.dim}-d) only: load it with the same model and dtype.
      </p>
    </div>
  );
}

import { STRATEGY_SHORT_NAMES } from '../../../core/training/strategy-names';
import { exportFileName, rankingToCsv, rankingToJson, type RankingExportInput } from './ranking-export';
import { useApp } from '../../app-store';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons() {
  const ranking = useApp((s) => s.ranking);
  const active = useApp((s) => s.active);
  if (!ranking || !active) return null;
  const input = (): RankingExportInput => ({
    corpus: active.corpus.name,
    // Named as the training experiment names an adapted retriever ("<model> + hybrid adapter").
    retriever: ranking.strategy === 'untrained' ? ranking.retriever : `${ranking.retriever} + ${STRATEGY_SHORT_NAMES[ranking.strategy]} adapter`,
    query: ranking.text,
    questionId: ranking.questionId,
    setting: ranking.setting,
    poolLangs: ranking.poolLangs,
    ranking: ranking.main,
    passageById: active.passageById,
  });
  return (
    <div className="export-buttons" role="group" aria-label="Export this ranking">
      <button
        type="button"
        className="button small"
        onClick={() => download(exportFileName(active.corpus.name, ranking.setting, 'csv'), rankingToCsv(input()), 'text/csv;charset=utf-8')}
      >
        CSV
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => download(exportFileName(active.corpus.name, ranking.setting, 'json'), rankingToJson(input()), 'application/json')}
      >
        JSON
      </button>
    </div>
  );
}

import { CorpusSection } from './corpus-section';
import { EmbeddingsSection } from './embeddings-section';
import { LanguagesSection } from './languages-section';
import { RetrieverSection } from './retriever-section';
import { OpenResultsSection } from '../results/open-results-section';
import './setup.css';

export function SetupPanel() {
  return (
    <aside className="setup" aria-label="Set-up">
      <CorpusSection />
      <RetrieverSection />
      <EmbeddingsSection />
      <LanguagesSection />
      <OpenResultsSection />
    </aside>
  );
}

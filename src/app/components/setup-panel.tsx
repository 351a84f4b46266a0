import { CorpusSection } from './corpus-section';
import { LanguagesSection } from './languages-section';
import { RetrieverSection } from './retriever-section';

export function SetupPanel() {
  return (
    <aside className="setup" aria-label="Set-up">
      <CorpusSection />
      <RetrieverSection />
      <LanguagesSection />
    </aside>
  );
}

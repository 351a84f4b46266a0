/**
 * The benchmark question picker: a searchable combobox (WAI-ARIA 1.2 combobox with a listbox
 * popup) instead of a <select>, whose one <option> per question froze the page for 90 s at
 * 48,000 questions. The list holds at most QUESTION_LIST_LIMIT rows; typing narrows it.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Question } from '../../../core/corpus/types';
import { describeMatches, QUESTION_LIST_LIMIT, searchQuestions } from '../../../core/corpus/question-search';

export interface QuestionPickerProps {
  /** The questions to choose from (those of the chosen language). */
  questions: readonly Question[];
  current: Question | null;
  onPick(id: string): void;
}

export function QuestionPicker({ questions, current, onPick }: QuestionPickerProps) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const statusId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const matches = useMemo(() => (open ? searchQuestions(questions, search) : null), [open, questions, search]);
  const shown = matches?.shown ?? [];
  const optionId = (i: number) => `${listId}-${i}`;
  const status = matches ? describeMatches(matches, search, questions.length) : '';

  useEffect(() => {
    if (open) listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  const openList = (text: string) => {
    // Opened without a search, the list starts at the current question when it is among the first rows.
    const at = text ? -1 : questions.slice(0, QUESTION_LIST_LIMIT).findIndex((q) => q.id === current?.id);
    setSearch(text);
    setActive(Math.max(0, at));
    setOpen(true);
  };
  const pick = (q: Question | undefined) => {
    setOpen(false);
    if (q) onPick(q.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      if (!open) openList('');
      else setActive(Math.max(0, Math.min(shown.length - 1, to)));
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + 10);
    else if (e.key === 'PageUp') move(active - 10);
    else if (e.key === 'Enter' && open) {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === 'Escape' && open) {
      // Closes the list only; the app's Escape (leave the field) waits for a second press.
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="question-picker">
      <input
        id="question-select"
        data-testid="question-select"
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown.length ? optionId(active) : undefined}
        aria-describedby={open ? statusId : undefined}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        lang={current?.lang}
        disabled={questions.length === 0}
        placeholder={questions.length ? `Search ${questions.length.toLocaleString('en-US')} questions…` : '— no questions in this language —'}
        value={open ? search : (current?.text ?? '')}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => !open && openList('')}
        onChange={(e) => openList(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div className="question-popup" hidden={!open}>
        <div className="question-picker-status" data-testid="question-picker-status" aria-hidden="true">
          {status}
        </div>
        <ul id={listId} ref={listRef} role="listbox" aria-label="Benchmark questions" className="question-options" hidden={shown.length === 0}>
          {shown.map((q, i) => (
            <li
              key={q.id}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={q.id === current?.id ? 'current' : undefined}
              // mousedown would blur the input (closing the list) before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(q)}
              onMouseMove={() => i !== active && setActive(i)}
            >
              <span dir="auto" lang={q.lang}>
                {q.text}
              </span>{' '}
              <span className="question-option-id">{q.qid}</span>
            </li>
          ))}
        </ul>
      </div>
      {/* Always in the page, so screen readers announce the count as it changes. */}
      <div id={statusId} className="sr-only" role="status">
        {status}
      </div>
    </div>
  );
}

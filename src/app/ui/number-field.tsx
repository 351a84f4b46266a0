import { useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number | 'any';
  integer?: boolean;
  disabled?: boolean;
  hint?: string;
  testId?: string;
  onChange(value: number): void;
}

/**
 * A number input that keeps what the person typed while it is not a valid value yet (an empty
 * field, "0.") and only passes on values within bounds; an invalid entry is marked and explained.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, integer } = props;
  const [text, setText] = useState(String(value));
  // Only an outside change of value resets the text (typing "0." must not be overwritten): compared
  // with the value last seen, during render (React's pattern for state that follows a prop).
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (Number(text) !== value) setText(String(value));
  }
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(n) && n >= min && (max === undefined || n <= max) && (!integer || Number.isInteger(n));
  const range = `${integer ? 'a whole number' : 'a number'} from ${min}${max === undefined ? ' up' : ` to ${max}`}`;
  return (
    <label className="tr-field">
      <span className="tr-field-label">{label}</span>
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={props.step ?? (integer ? 1 : 'any')}
        disabled={props.disabled}
        aria-invalid={!valid}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (
            e.target.value.trim() !== '' &&
            Number.isFinite(next) &&
            next >= min &&
            (max === undefined || next <= max) &&
            (!integer || Number.isInteger(next))
          ) {
            props.onChange(next);
          }
        }}
      />
      {!valid ? <span className="tr-field-error">Expected {range}.</span> : props.hint ? <span className="tr-field-hint">{props.hint}</span> : null}
    </label>
  );
}

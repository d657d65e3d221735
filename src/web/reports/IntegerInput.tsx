import { useState, type InputHTMLAttributes } from 'react';

interface IntegerInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> {
  value: number | undefined;
  /** A whole number as typed; `undefined` when the field was emptied and `optional`. */
  onChange: (value: number | undefined) => void;
  /** Empty means “not set” (e.g. the pages of a template). */
  optional?: boolean;
}

/**
 * A whole-number field that lets the person type freely (also clear it for a moment): the number
 * is handed on whenever the text is a whole number; the server checks the range.
 */
export function IntegerInput({ value, onChange, optional, ...rest }: IntegerInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  // a new value from outside (import, reset, another block type) replaces the text
  if (shown !== value) {
    setShown(value);
    setText(value === undefined ? '' : String(value));
  }
  return (
    <input
      {...rest}
      inputMode="numeric"
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const trimmed = next.trim();
        if (trimmed === '' && optional) {
          setShown(undefined);
          onChange(undefined);
        } else if (/^-?\d+$/.test(trimmed)) {
          const n = Number(trimmed);
          setShown(n);
          onChange(n);
        }
      }}
    />
  );
}

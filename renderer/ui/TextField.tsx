/** A labelled one-line text input that the browser never autofills (staff numbers, tickets…). */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  inputMode,
  placeholder,
  type = 'text',
  lang,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
  type?: 'text' | 'date';
  /** The language typed in, when it is not the screen's. */
  lang?: string;
}) {
  return (
    <label className="field">
      {label}
      <input
        type={type}
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        placeholder={placeholder}
        autoComplete="off"
        lang={lang}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** A row of large toggle buttons for picking one value (title, reason, offer…). */
export function ChoiceGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  labelOf,
}: {
  label: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  labelOf: (value: T) => string;
}) {
  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      <div className="choice-row">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            className="choice"
            aria-pressed={value === option}
            onClick={() => onChange(option)}
          >
            {labelOf(option)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled file picker for an export zip: the file chosen, or null when the choice is cleared. */
export function ZipFileField({
  label,
  onChange,
}: {
  label: string;
  onChange: (file: File | null) => void;
}) {
  return (
    <label className="field">
      {label}
      <input
        type="file"
        accept=".zip,application/zip"
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </label>
  );
}

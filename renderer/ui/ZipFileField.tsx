import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled file picker for an export zip: the file chosen, or null when the choice is cleared.
 * The browser's own picker says "Choose File" in the browser's language whatever the screen's
 * (English on a Chinese screen) and is about 30 px tall; so the input is visually hidden and its
 * second label is the button a person sees and taps (48 px at least, in the screen's words), with
 * the name of the file chosen beside it.
 */
export function ZipFileField({
  label,
  onChange,
}: {
  label: string;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="field file-field">
      <label htmlFor={id}>{label}</label>
      <div className="file-pick">
        <input
          id={id}
          className="file-input"
          type="file"
          accept=".zip,application/zip"
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null;
            setChosen(file?.name ?? null);
            onChange(file);
          }}
        />
        <label htmlFor={id} className="file-button">
          {t('fileField.choose')}
        </label>
        <span className="file-chosen">{chosen ?? t('fileField.none')}</span>
      </div>
    </div>
  );
}

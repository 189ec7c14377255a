/**
 * Text with each amount kept on one line with its unit ("20元", "14.50 yuan", "80 %"): Chinese
 * may break a line between any two characters, so "找您20" could end a line and "元" begin the
 * next; a sum read aloud from the screen must be read whole.
 */
const AMOUNT = /(\d[\d.,]*\s?(?:元|yuan|%|MB))/;

export function KeepUnits({ text }: { text: string }) {
  const parts = text.split(AMOUNT);
  return (
    <>
      {parts.map((part, index) =>
        // split() with a capturing group puts the amounts at the odd places.
        index % 2 === 1 ? (
          <span key={index} className="keep-together">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

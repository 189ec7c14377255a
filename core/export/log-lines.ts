/**
 * log.jsonl as lines, from its bytes as they stream in parts: memory holds one part and the line
 * being read, never the file. A newline byte never occurs inside a UTF-8 sequence, so splitting
 * the bytes splits the text; each line is decoded on its own, and one that is not UTF-8 (or longer
 * than any record can be) is named rather than failing the whole file.
 */

const NEWLINE = 0x0a;
/** Longer than any record: a line this long is refused unread rather than gathered. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface RawLine {
  /** 1-based, counting empty lines (which are not yielded). */
  line: number;
  /** The line's bytes, or null for one longer than MAX_LINE_BYTES. */
  bytes: Uint8Array | null;
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** The non-empty lines of a stream of bytes, without their newline. */
export async function* rawLines(parts: AsyncIterable<Uint8Array>): AsyncGenerator<RawLine> {
  let carry: Uint8Array[] = [];
  let carried = 0;
  let tooLong = false;
  let line = 0;
  const take = (tail: Uint8Array): RawLine | null => {
    line += 1;
    const length = carried + tail.length;
    const result =
      length === 0 && !tooLong
        ? null
        : { line, bytes: tooLong ? null : joined([...carry, tail], length) };
    carry = [];
    carried = 0;
    tooLong = false;
    return result;
  };
  for await (const part of parts) {
    let start = 0;
    for (;;) {
      const end = part.indexOf(NEWLINE, start);
      if (end === -1) break;
      const found = take(part.subarray(start, end));
      if (found) yield found;
      start = end + 1;
    }
    if (start < part.length) {
      const rest = part.subarray(start);
      carried += rest.length;
      if (carried > MAX_LINE_BYTES) tooLong = true;
      // Copied: the part's buffer may be reused by whoever streams it.
      if (!tooLong) carry.push(rest.slice());
      else carry = [];
    }
  }
  if (carried > 0 || tooLong) {
    const found = take(new Uint8Array(0));
    if (found) yield found;
  }
}

/** A line's text (a byte-order mark at the file's very start dropped), or null if not UTF-8. */
export function lineText({ line, bytes }: RawLine): string | null {
  if (bytes === null) return null;
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  return line === 1 && text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** A line as JSON, or null when it is not (or not UTF-8). */
export function lineJson(raw: RawLine): unknown {
  const text = lineText(raw);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Whether adding another counter's log from an export should first be confirmed by the manager,
 * and why. The export has been verified intact by then; what no verifier can know is whether it
 * is the counter the manager means to add. Three things ask to look twice: a device this tablet
 * has never held (its first key is taken on trust from the export: compare its fingerprint with
 * the one written down at that counter), a log that starts mid-way (its beginning, and the rules
 * of who may record what, were not checked here), and a counter number another device already
 * uses on this tablet (two tablets claiming one counter, or a mistyped number).
 */

export type ImportCaution =
  | { kind: 'new-device'; fingerprint: string }
  | { kind: 'starts-mid-log'; firstSeq: number }
  | { kind: 'counter-in-use'; counter: string };

export interface ImportCandidate {
  device: string;
  counter: string | null;
  fingerprint: string;
  firstSeq: number;
  /** What this tablet holds of that device already (null: never held). */
  held: { counter: string | null } | null;
  /** Every device this tablet holds a log of, its own included, with its counter. */
  devicesHere: readonly { device: string; counter: string | null }[];
}

export function importCautions(candidate: ImportCandidate): ImportCaution[] {
  const cautions: ImportCaution[] = [];
  const { held, counter } = candidate;
  if (!held) {
    cautions.push({ kind: 'new-device', fingerprint: candidate.fingerprint });
    if (candidate.firstSeq > 1)
      cautions.push({ kind: 'starts-mid-log', firstSeq: candidate.firstSeq });
  }
  // A counter checked once it is new for this device: at its first import, or when it changed.
  if (
    counter !== null &&
    (!held || held.counter !== counter) &&
    candidate.devicesHere.some(
      (other) => other.device !== candidate.device && other.counter === counter,
    )
  ) {
    cautions.push({ kind: 'counter-in-use', counter });
  }
  return cautions;
}

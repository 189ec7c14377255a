/**
 * Every command the app can ask of the domain, and what deciding one gives back. Commands carry raw
 * input (a typed staff number, a PIN, an amount in fen); the domain checks it. PINs never leave the
 * command path: the storage turns them into evidence (does it match? the new one's commitment)
 * before the domain decides.
 */
import type { CheckpointReason, DomainEvent, PublicKeyJwk } from '../log/events';
import type { KeyAlgorithm } from '../log/signing';
import type { Lockout } from '../access/lockout';
import type { Role } from '../permissions';
import type { Refusal } from '../refusal';
import type { ServiceCommand, ServiceState } from '../service/engine';

export type AccessCommand =
  | { type: 'first-run'; counter: string; staffNo: string; pin: string; confirmation: string }
  /**
   * After a backup was restored onto this (new) tablet: the log goes on here under a new device
   * id and key chain, and a manager from the log sets a new PIN (PINs never travel in a backup).
   */
  | { type: 'finish-restore'; staffNo: string; pin: string; confirmation: string }
  | { type: 'sign-in'; staffNo: string; pin: string }
  | { type: 'lock'; reason: 'idle' | 'manual' }
  /** `staffNo`: whose PIN unlocks; null for the signed-in person's own. */
  | { type: 'unlock'; staffNo: string | null; pin: string }
  | { type: 'sign-out' }
  | { type: 'change-own-pin'; currentPin: string; pin: string; confirmation: string }
  | { type: 'create-account'; staffNo: string; role: Role; pin: string; confirmation: string }
  | { type: 'reset-pin'; subject: string; pin: string; confirmation: string }
  | { type: 'set-account-enabled'; subject: string; enabled: boolean }
  /** `change` is validated by the domain (ConfigChangeSchema), so a form may send what it has. */
  | { type: 'change-config'; change: unknown };

export type AuditCommand =
  /** Before an export: a fresh signed checkpoint, so the export ends sealed. */
  | { type: 'seal-for-export' }
  /** After an export: who took which range off the device, with the files' digests. */
  | { type: 'record-export'; export: unknown }
  /** A manager's correction of an ended service, with the reason. */
  | { type: 'amend-service'; target: string; change: unknown; reason: string }
  /** Another counter's log was added to this device (the storage checked and stored it first). */
  | { type: 'record-import'; import: unknown }
  /** What an observer saw of a service (a clerk may record a mutual check of another's). */
  | {
      type: 'record-spot-check';
      target: string;
      kind: unknown;
      observations: unknown;
      note: string;
    }
  /** The customer's tap on the customer display (or its timeout). */
  | { type: 'rate-service'; serviceId: string; rating: unknown; reasons: unknown };

export type Command = AccessCommand | AuditCommand | ServiceCommand;
export type CommandType = Command['type'];

/** The result of checking a PIN typed for `staffNo`, worked out by the storage. */
export interface PinCheck {
  staffNo: string;
  verdict:
    | 'match'
    | 'mismatch'
    /** No account or no credential: answered as a wrong PIN, after the same PBKDF2 time. */
    | 'no-credential'
    /** The stored credential does not match the log's commitment: it was put there by hand. */
    | 'credential-mismatch';
  lockout: Lockout;
}

/** What the domain needs that only the storage or the platform can provide. */
export interface DecideEnv {
  now: number;
  /** A fresh id, used when the command starts a service. */
  newId: string;
  pin?: PinCheck;
  /** The commitment to the new PIN's credential (hashed only if the PIN met the rules). */
  newPin?: { commitment: string };
  /** First run: the device id and first signing key the storage generated. */
  identity?: { deviceId: string; algorithm: KeyAlgorithm; publicKey: PublicKeyJwk };
  /** An amendment or a spot-check: the service it is about, folded from its records. */
  amendTarget?: ServiceState | null;
  /** The command comes from the customer display (Electron: its own window, known to main). */
  fromDisplay?: boolean;
}

/** A record to append: the event, who did it (null: the device itself) and its service. */
export interface PlannedRecord {
  staffNo: string | null;
  serviceId: string | null;
  event: DomainEvent;
}

/**
 * A decision. A refusal can still come with records: a wrong PIN is refused and also logged. A
 * decision may also ask for a signed checkpoint after its records, whether or not one is due.
 */
export interface Decision {
  records: PlannedRecord[];
  refusal: Refusal | null;
  checkpoint?: CheckpointReason;
}

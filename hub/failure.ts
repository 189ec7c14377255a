/**
 * A refused enrolment, push or restore: the HTTP status and the error body the device reads. Its
 * own file because both ingest.ts and restore-approvals.ts answer with it, and ingest.ts calls
 * restore-approvals.ts: with the type in ingest.ts the two imported each other.
 */
import type { HubError } from '../core/domain/hub/protocol';
import { err } from '../core/domain/result';

export interface Failure {
  status: number;
  body: HubError;
}

export const failure = (status: number, body: HubError): { ok: false; error: Failure } =>
  err({ status, body });

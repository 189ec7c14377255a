/**
 * What managers and auditors do with the log itself, as decisions: seal it before an export,
 * record the export (who took which range, with the files' digests), and correct an ended service
 * with an amendment (a new record with the reason; the service's own records stay as they were).
 */
import { activeSession } from '../access/active-session';
import type { AuditCommand, Decision } from '../device/commands';
import type { HandlersFor } from '../device/handlers';
import { z } from '../zod';
import { StepIdSchema, isConditional, stepDefinition } from '../flow/flow-definition';
import {
  AmendmentSchema,
  DisplayProofSchema,
  ExportMadeSchema,
  LogImportedSchema,
  ObservationSchema,
  RatingReasonSchema,
  RatingSchema,
  SpotCheckKindSchema,
} from '../log/events';
import { refusal, type RefusalCode } from '../refusal';
import { FollowUpResultSchema } from '../service/complaint';
import { checkAbility, isOwnMutualCheck } from './checks';

const refused = (code: RefusalCode): Decision => ({ records: [], refusal: refusal(code) });

export const auditHandlers = {
  'seal-for-export': (state) => {
    const active = activeSession(state, 'export-log');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    return { records: [], refusal: null, checkpoint: 'export' };
  },
  'record-export': (state, command) => {
    const active = activeSession(state, 'export-log');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const made = ExportMadeSchema.safeParse({
      ...(command.export as object),
      type: 'export-made',
    });
    if (!made.success) return refused('invalid-export');
    const { firstSeq, lastSeq } = made.data;
    if (firstSeq > lastSeq || lastSeq > state.head.seq) return refused('invalid-export');
    return {
      records: [{ staffNo: active.session.staffNo, serviceId: null, event: made.data }],
      refusal: null,
    };
  },
  'record-import': (state, command) => {
    const active = activeSession(state, 'import-log');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const imported = LogImportedSchema.safeParse({
      ...(command.import as object),
      type: 'log-imported',
    });
    if (!imported.success) return refused('invalid-import');
    return {
      records: [{ staffNo: active.session.staffNo, serviceId: null, event: imported.data }],
      refusal: null,
    };
  },
  'erase-personal-values': (state, command, env) => {
    const active = activeSession(state, 'erase-personal-values');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const days = command.olderThanDays;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      return refused('invalid-retention-days');
    const before = new Date(env.now - days * 86_400_000).toISOString();
    return {
      records: [
        {
          staffNo: active.session.staffNo,
          serviceId: null,
          event: { type: 'personal-values-erased', olderThanDays: days, before },
        },
      ],
      refusal: null,
    };
  },
  'amend-service': (state, command, env) => {
    const active = activeSession(state, 'amend-service');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const target = env.amendTarget;
    if (!target || target.serviceId !== command.target) return refused('no-such-service');
    if (target.outcome === 'open') return refused('service-still-open');
    const change = AmendmentSchema.safeParse(command.change);
    if (!change.success) return refused('invalid-amendment');
    const reason = command.reason.trim();
    if (reason === '') return refused('amendment-needs-reason');
    if (reason.length > 200) return refused('note-too-long');
    const amendment = change.data;
    if (
      amendment.kind === 'business-type' &&
      !state.config.businessTypes.some((type) => type.code === amendment.businessType)
    ) {
      return refused('unknown-business-type');
    }
    if (amendment.kind === 'step' && amendment.outcome === 'skipped' && !amendment.skipReason) {
      return refused('skip-needs-reason');
    }
    // Every-customer steps always apply: a correction cannot make one not applicable either.
    if (
      amendment.kind === 'step' &&
      amendment.outcome === 'na' &&
      !isConditional(stepDefinition(state.config.flow, amendment.stepId))
    ) {
      return refused('na-on-always-step');
    }
    return {
      records: [
        {
          staffNo: active.session.staffNo,
          serviceId: null,
          event: {
            type: 'service-amended',
            target: target.serviceId,
            change: change.data,
            reason,
          },
        },
      ],
      refusal: null,
    };
  },
  'record-spot-check': (state, command, env) => {
    const kind = SpotCheckKindSchema.safeParse(command.kind);
    if (!kind.success) return refused('invalid-spot-check');
    const active = activeSession(state, checkAbility(kind.data));
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const target = env.amendTarget;
    if (!target || target.serviceId !== command.target) return refused('no-such-service');
    if (target.outcome === 'open') return refused('service-still-open');
    if (isOwnMutualCheck(kind.data, active.session.staffNo, target.startedBy)) {
      return refused('own-service');
    }
    const observations = z
      .partialRecord(StepIdSchema, ObservationSchema)
      .safeParse(command.observations);
    if (!observations.success || Object.keys(observations.data).length === 0) {
      return refused('invalid-spot-check');
    }
    const note = command.note.trim();
    if (note.length > 200) return refused('note-too-long');
    return {
      records: [
        {
          staffNo: active.session.staffNo,
          serviceId: null,
          event: {
            type: 'spot-check-recorded',
            target: target.serviceId,
            kind: kind.data,
            observations: observations.data,
            note,
          },
        },
      ],
      refusal: null,
    };
  },
  'rate-service': (state, command, env) => {
    if (!env.fromDisplay) return refused('not-from-display');
    const service = state.service;
    if (!service || service.serviceId !== command.serviceId || service.outcome === 'open') {
      return refused('no-such-service');
    }
    if (service.rating !== null) return refused('already-rated');
    const rating = RatingSchema.safeParse(command.rating);
    const reasons = z.array(RatingReasonSchema).check(z.maxLength(5)).safeParse(command.reasons);
    if (!rating.success || !reasons.success) return refused('invalid-rating');
    // A display's rating only with a proof that holds; without one, the counter screen's.
    const proof = command.proof === undefined ? null : DisplayProofSchema.safeParse(command.proof);
    if (proof && (!proof.success || env.ratingProof !== 'holds'))
      return refused('invalid-rating-proof');
    return {
      records: [
        {
          staffNo: null,
          serviceId: service.serviceId,
          event: {
            type: 'service-rated',
            rating: rating.data,
            reasons: reasons.data,
            ...(proof?.success
              ? { source: 'display' as const, proof: proof.data }
              : { source: 'counter-screen' as const }),
          },
        },
      ],
      refusal: null,
    };
  },
  'close-follow-up': (state, command) => {
    const active = activeSession(state, 'close-follow-up');
    if ('refusal' in active) return { records: [], refusal: active.refusal };
    const followUp = state.followUps.get(command.target);
    if (!followUp) return refused('no-such-follow-up');
    if (followUp.closed) return refused('follow-up-already-closed');
    const result = FollowUpResultSchema.safeParse(command.result);
    const note = command.note.trim();
    if (!result.success || note.length > 200) return refused('invalid-follow-up');
    return {
      records: [
        {
          staffNo: active.session.staffNo,
          serviceId: null,
          event: { type: 'follow-up-closed', target: command.target, result: result.data, note },
        },
      ],
      refusal: null,
    };
  },
} satisfies HandlersFor<AuditCommand>;

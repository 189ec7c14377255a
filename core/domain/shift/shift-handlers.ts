/**
 * The shift's commands: the opening check (the clerk's own, or someone else's of a clerk), an
 * item found Not OK put right or acknowledged, the handover note at sign-out, its acknowledgement
 * by the next person at the counter and its items closed. Each becomes one record by the signed-in
 * person, after the session gate and the rules shared with verification (shift-rules.ts).
 */
import { activeSession, accepted, by, refused } from '../access/active-session';
import type { ShiftCommand } from '../device/commands';
import type { HandlersFor } from '../device/handlers';
import type { DeviceState } from '../device/state';
import {
  HANDOVER_ITEMS_MAX,
  HANDOVER_ITEM_MAX,
  HANDOVER_NOTE_MAX,
  OpeningCheckKindSchema,
  OpeningResultSchema,
  type CheckedItem,
} from '../log/shift-events';
import { z } from '../zod';
import { CodeSchema, StaffNumberSchema } from '../catalog';
import { activeItems } from './opening-items';
import { shiftAbility, shiftProblem, type ShiftEvent } from './shift-rules';

const ResultsSchema = z
  .array(
    z.object({
      code: z.string().check(z.maxLength(32)),
      result: OpeningResultSchema,
      note: z.string().check(z.maxLength(1000)),
    }),
  )
  .check(z.minLength(1), z.maxLength(40));

/** A control character (a line break or a tab aside): no text typed on a tablet has one. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Appends `event` by the signed-in person if the gate and the shift's rules let it. */
function decideShift(state: DeviceState, event: ShiftEvent) {
  const active = activeSession(state, shiftAbility(event));
  if ('refusal' in active) return { records: [], refusal: active.refusal };
  const problem = shiftProblem(state, active.session.staffNo, event);
  if (problem) return refused(problem);
  return accepted([by(active.session.staffNo, event)]);
}

export const shiftHandlers = {
  'record-opening-check': (state, command) => {
    const kind = OpeningCheckKindSchema.safeParse(command.kind);
    const results = ResultsSchema.safeParse(command.results);
    if (!kind.success || !results.success) return refused('invalid-opening-check');
    const asked = activeItems(state.config.openingItems);
    const items: CheckedItem[] = [];
    for (const answer of results.data) {
      const item = asked.find((candidate) => candidate.code === answer.code);
      if (!item) return refused('opening-items-changed');
      const note = answer.note.trim();
      if (note.length > 200) return refused('note-too-long');
      if (CONTROL.test(note)) return refused('invalid-opening-check');
      const { code, part, version, text } = item;
      items.push({ code, part, version, text, result: answer.result, note });
    }
    const subject = command.subject.trim();
    if (!state.accounts.has(subject)) return refused('no-such-account');
    return decideShift(state, {
      type: 'opening-check-recorded',
      subject,
      kind: kind.data,
      items,
    });
  },
  'resolve-opening-item': (state, command) => {
    const author = state.session?.staffNo ?? null;
    if (
      !StaffNumberSchema.safeParse(command.subject).success ||
      !CodeSchema.safeParse(command.code).success ||
      !Number.isInteger(command.checkSeq) ||
      command.checkSeq < 1
    ) {
      return refused('no-such-opening-item');
    }
    return decideShift(state, {
      type: 'opening-item-resolved',
      subject: command.subject,
      checkSeq: command.checkSeq,
      code: command.code,
      how: command.subject === author ? 'fixed' : 'acknowledged',
    });
  },
  'write-handover': (state, command) => {
    const note = command.note.trim();
    const items = command.items.map((item) => item.trim()).filter((item) => item !== '');
    if (
      CONTROL.test(command.note) ||
      command.items.some((item) => CONTROL.test(item)) ||
      note.length > HANDOVER_NOTE_MAX ||
      items.length > HANDOVER_ITEMS_MAX ||
      items.some((item) => item.length > HANDOVER_ITEM_MAX)
    ) {
      return refused('invalid-handover');
    }
    return decideShift(state, { type: 'handover-written', note, items });
  },
  'acknowledge-handover': (state, command) =>
    Number.isInteger(command.handoverSeq) && command.handoverSeq > 0
      ? decideShift(state, { type: 'handover-acknowledged', handoverSeq: command.handoverSeq })
      : refused('no-such-handover'),
  'close-handover-item': (state, command) => {
    const note = command.note.trim();
    if (note.length > 200) return refused('note-too-long');
    if (CONTROL.test(note)) return refused('invalid-handover');
    if (!Number.isInteger(command.handoverSeq) || !Number.isInteger(command.index)) {
      return refused('no-such-handover');
    }
    return decideShift(state, {
      type: 'handover-item-closed',
      handoverSeq: command.handoverSeq,
      index: command.index,
      note,
    });
  },
} satisfies HandlersFor<ShiftCommand>;

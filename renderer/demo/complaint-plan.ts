/**
 * The demo's complaints (kept apart from service-plan.ts, which plans every other part of a
 * service): the complaint flow's six steps after the greeting, each taking a time drawn around the
 * step's target (now and then over it); calming only when the customer is upset; now and then a
 * step skipped; a category and a summary; the outcome resolved on the spot, a follow-up promised
 * by a day soon after, or escalated to the manager on duty (who confirms with their PIN), some
 * escalations promising a follow-up too. The manager's visit closes some follow-ups later.
 */
import type { ComplaintCategory, OutcomeKind } from '../../core/domain/service/complaint';
import { COMPLAINT_STANDARD, type ComplaintStepId } from '../../core/domain/flow/complaint-flow';
import type { ServiceStep } from './demo-device';
import { DEMO_STAFF, GIVEN_PIN, SECOND, addDays } from './options';
import type { Random } from './random';

const SUMMARIES: Record<ComplaintCategory, readonly string[]> = {
  billing: ['话费疑问，本月多扣了流量费', '套餐变更后账单金额不符'],
  network: ['家中宽带晚间经常断线', '小区信号弱，通话经常中断'],
  product: ['新办的流量包没有生效', '积分兑换的礼品迟迟未到'],
  'staff-attitude': ['上次办理时营业员态度生硬', '电话客服答复不耐烦'],
  'waiting-time': ['排队等候时间过长', '预约上门维修一直没人来'],
  other: ['营业厅停车位不足', '宣传单上的优惠已经过期'],
};

const CATEGORY_MIX = [
  ['billing', 32],
  ['network', 24],
  ['product', 16],
  ['staff-attitude', 8],
  ['waiting-time', 14],
  ['other', 6],
] as const;

const OUTCOME_MIX = [
  ['resolved', 60],
  ['follow-up', 25],
  ['escalated', 15],
] as const;

/** A complaint step's time: around 45 % of its target, one in about twelve over it. */
export function complaintGap(random: Random, stepId: ComplaintStepId): number {
  const target = COMPLAINT_STANDARD.steps.find((step) => step.id === stepId)?.targetSeconds ?? 60;
  const factor = Math.exp(Math.log(0.45) + 0.55 * random.normal());
  return Math.round(Math.min(2.5, Math.max(0.1, factor)) * target * SECOND);
}

export interface ComplaintTap {
  stepId: ComplaintStepId;
  step: ServiceStep;
}

/** The complaint flow's taps for a complaint service (none for any other business). */
export function complaintSteps(random: Random, business: string, day: string): ComplaintTap[] {
  if (business !== 'complaint') return [];
  const category: ComplaintCategory = random.weighted(CATEGORY_MIX);
  const outcome: OutcomeKind = random.weighted(OUTCOME_MIX);
  const due = addDays(day, random.int(1, 3));
  const skipped = (stepId: ComplaintStepId): ServiceStep =>
    random.chance(0.06)
      ? { type: 'skip', stepId, reason: 'not-possible-now', note: '' }
      : { type: 'mark-done', stepId };
  return [
    { stepId: 'complaint-accept', step: { type: 'mark-done', stepId: 'complaint-accept' } },
    {
      stepId: 'complaint-calm',
      step: random.chance(0.55)
        ? { type: 'mark-done', stepId: 'complaint-calm' }
        : { type: 'mark-na', stepId: 'complaint-calm' },
    },
    { stepId: 'complaint-clarify', step: skipped('complaint-clarify') },
    { stepId: 'complaint-explore', step: skipped('complaint-explore') },
    {
      stepId: 'complaint-act',
      step: {
        type: 'record-complaint',
        category,
        summary: random.pick(SUMMARIES[category]),
        outcome,
        due:
          outcome === 'follow-up' || (outcome === 'escalated' && random.chance(0.5)) ? due : null,
        manager: outcome === 'escalated' ? DEMO_STAFF.manager : null,
        managerPin: outcome === 'escalated' ? GIVEN_PIN : null,
      },
    },
    { stepId: 'complaint-thank', step: { type: 'mark-done', stepId: 'complaint-thank' } },
  ];
}

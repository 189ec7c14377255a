/**
 * The manager's complaint figures, from the complaints and follow-ups the device state holds:
 * how many, by category and by clerk, the share resolved on the spot, the escalations, and the
 * follow-ups open and overdue. Pure; `today` is the store's business day.
 */
import type { ComplaintEntry, FollowUp } from '../device/state';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../service/complaint';

export interface ComplaintFigures {
  total: number;
  byCategory: Record<ComplaintCategory, number>;
  /** Clerks by staff number, most complaints first. */
  byClerk: { staffNo: string; count: number }[];
  /** Resolved on the spot ÷ complaints recorded, or null with none. */
  resolvedShare: number | null;
  escalations: number;
  openFollowUps: number;
  overdueFollowUps: number;
}

export function complaintFigures(
  complaints: readonly ComplaintEntry[],
  followUps: Iterable<FollowUp>,
  today: string,
): ComplaintFigures {
  const byCategory = Object.fromEntries(COMPLAINT_CATEGORIES.map((code) => [code, 0])) as Record<
    ComplaintCategory,
    number
  >;
  const clerks = new Map<string, number>();
  let resolved = 0;
  let escalations = 0;
  for (const complaint of complaints) {
    byCategory[complaint.category] += 1;
    const who = complaint.staffNo ?? '—';
    clerks.set(who, (clerks.get(who) ?? 0) + 1);
    if (complaint.outcome === 'resolved') resolved += 1;
    if (complaint.outcome === 'escalated') escalations += 1;
  }
  const open = [...followUps].filter((followUp) => followUp.closed === null);
  return {
    total: complaints.length,
    byCategory,
    byClerk: [...clerks]
      .map(([staffNo, count]) => ({ staffNo, count }))
      .sort((a, b) => b.count - a.count || a.staffNo.localeCompare(b.staffNo)),
    resolvedShare: complaints.length === 0 ? null : resolved / complaints.length,
    escalations,
    openFollowUps: open.length,
    overdueFollowUps: open.filter((followUp) => followUp.due < today).length,
  };
}

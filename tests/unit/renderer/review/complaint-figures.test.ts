import { describe, expect, it } from 'vitest';
import type { ComplaintEntry, FollowUp } from '../../../../renderer/domain/device/state';
import { complaintFigures } from '../../../../renderer/domain/review/complaint-figures';

const complaint = (
  staffNo: string,
  category: ComplaintEntry['category'],
  outcome: ComplaintEntry['outcome'],
): ComplaintEntry => ({ serviceId: null, staffNo, atMs: 0, category, outcome });

const followUp = (due: string, closed = false): FollowUp => ({
  serviceId: due,
  staffNo: '1001',
  atMs: 0,
  category: 'billing',
  summary: '话费',
  due,
  closed: closed ? { by: '9001', atMs: 1, result: 'resolved', note: '' } : null,
});

describe('the complaint figures', () => {
  it('count by category and clerk, the share resolved on the spot, escalations and overdue follow-ups', () => {
    const figures = complaintFigures(
      [
        complaint('1001', 'billing', 'resolved'),
        complaint('1002', 'network', 'escalated'),
        complaint('1001', 'billing', 'follow-up'),
        complaint('1001', 'waiting-time', 'resolved'),
      ],
      [followUp('2026-11-20'), followUp('2026-11-25'), followUp('2026-11-01', true)],
      '2026-11-23',
    );
    expect(figures).toMatchObject({
      total: 4,
      resolvedShare: 0.5,
      escalations: 1,
      openFollowUps: 2,
      overdueFollowUps: 1,
      byClerk: [
        { staffNo: '1001', count: 3 },
        { staffNo: '1002', count: 1 },
      ],
    });
    expect(figures.byCategory).toEqual({
      billing: 2,
      network: 1,
      product: 0,
      'staff-attitude': 0,
      'waiting-time': 1,
      other: 0,
    });
  });

  it('has no share with no complaint', () => {
    expect(complaintFigures([], [], '2026-11-23').resolvedShare).toBeNull();
  });
});

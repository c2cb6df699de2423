import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_LADDER, dueEscalationLevel, nextEscalation, type EscalationLadder } from './escalation.ts';

describe('escalation ladder', () => {
  it.each([
    [false, 0, 0],
    [true, 0, 1],
    [true, 1, 1],
    [true, 2, 2],
    [true, 5, 3],
    [true, 9, 3],
  ])('overdue=%s by %i HK → level %i', (overdue, hk, level) => {
    expect(dueEscalationLevel(overdue, hk)).toBe(level);
  });

  it('names each rung in Bahasa Indonesia first', () => {
    expect(DEFAULT_ESCALATION_LADDER.map((s) => [s.role, s.label.id])).toEqual([
      ['petugas_piket', 'Petugas piket'],
      ['kepala_opd', 'Kepala bidang / kepala OPD'],
      ['diskominfo_sekda', 'Koordinator Diskominfo / Sekda'],
    ]);
  });

  it('climbs one rung per call, so a case found 9 HK late still logs every level', () => {
    expect(nextEscalation(0, 9)?.level).toBe(1);
    expect(nextEscalation(1, 9)?.level).toBe(2);
    expect(nextEscalation(2, 9)?.level).toBe(3);
    expect(nextEscalation(3, 9)).toBeNull();
  });

  it('raises nothing before the next rung is due, or when the case is not overdue', () => {
    expect(nextEscalation(0, 0)?.role).toBe('petugas_piket');
    expect(nextEscalation(1, 1)).toBeNull();
    expect(nextEscalation(2, 4)).toBeNull();
    expect(nextEscalation(0, null)).toBeNull();
  });

  it('follows a province ladder with other thresholds', () => {
    const ladder: EscalationLadder = [
      { level: 1, role: 'petugas_piket', afterOverdueHK: 1, label: { id: 'Petugas piket', en: 'Duty officer' } },
      { level: 2, role: 'sekda', afterOverdueHK: 3, label: { id: 'Sekda', en: 'Regional secretary' } },
    ];
    expect(dueEscalationLevel(true, 0, ladder)).toBe(0);
    expect(dueEscalationLevel(true, 3, ladder)).toBe(2);
    expect(nextEscalation(1, 3, ladder)?.role).toBe('sekda');
  });
});

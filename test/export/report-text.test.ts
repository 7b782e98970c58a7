import { describe, expect, it } from 'vitest';
import { localDate, localTime, longDate, periodText, pointsText, wallClock } from '../../src-main/core/export/report-text.ts';
import { textUnits, unitsFor, wrappedLines } from '../../src-main/core/export/text-width.ts';

// How the workbook writes dates, times and differences for a reader (docs/workbook.md).

const AT = new Date('2026-12-06T12:15:00Z');

describe('report text', () => {
  it('writes dates as an Indonesian report does, and in English for an English workbook', () => {
    expect(longDate('2025-09-01', 'id')).toBe('1 September 2025');
    expect(longDate('2025-08-17', 'id')).toBe('17 Agustus 2025');
    expect(longDate('2025-08-17', 'en')).toBe('17 August 2025');
    expect(periodText('2025-09-01', '2025-10-31', 'id')).toBe('1 September 2025 s.d. 31 Oktober 2025');
    expect(periodText('2025-09-01', '2025-10-31', 'en')).toBe('1 September 2025 to 31 October 2025');
  });

  it('gives times on the local clock with the zone named: WIB, WITA, WIT, UTC, or the offset', () => {
    expect(localTime(AT, 'id', 'Asia/Jakarta')).toBe('6 Desember 2026 19.15 WIB');
    expect(localTime(AT, 'id', 'Asia/Makassar')).toBe('6 Desember 2026 20.15 WITA');
    expect(localTime(AT, 'id', 'Asia/Jayapura')).toBe('6 Desember 2026 21.15 WIT');
    expect(localTime(AT, 'en', 'Asia/Jakarta')).toBe('6 December 2026 19:15 WIB');
    expect(localTime(AT, 'id', 'UTC')).toBe('6 Desember 2026 12.15 UTC');
    expect(localTime(AT, 'id', 'Asia/Kolkata')).toBe('6 Desember 2026 17.45 UTC+05:30');
    expect(localTime(AT, 'id', 'America/Sao_Paulo')).toBe('6 Desember 2026 09.15 UTC−03:00');
    // The date of a late evening in Jakarta is the next day in Jayapura.
    const late = new Date('2026-12-06T16:30:00Z');
    expect([localDate(late, 'id', 'Asia/Jakarta'), localDate(late, 'id', 'Asia/Jayapura')]).toEqual(['6 Desember 2026', '7 Desember 2026']);
    // An Excel date cell holds the wall clock.
    expect(wallClock(AT, 'Asia/Jakarta').date.toISOString()).toBe('2026-12-06T19:15:00.000Z');
  });

  it('writes a difference of two shares in percentage points, signed, with its interval, from the exact figures', () => {
    expect(pointsText(0.054, [0.012, 0.096], 'id')).toBe('+5,4 poin persen (IK 95 %: 1,2 – 9,6)');
    expect(pointsText(0.054, [0.012, 0.096], 'en')).toBe('+5.4 percentage points (95% CI: 1.2 – 9.6)');
    expect(pointsText(-0.0736, [-0.2, 0.05], 'id')).toBe('−7,4 poin persen (IK 95 %: −20,0 – 5,0)');
    expect(pointsText(43 / 53 - 107 / 139, null, 'id')).toBe('+4,2 poin persen');
    // A bound that rounds to nothing has no sign either.
    expect(pointsText(0.01, [-0.0001, 0.02], 'en')).toBe('+1.0 percentage points (95% CI: 0.0 – 2.0)');
    // A difference that rounds to nothing has no sign.
    expect(pointsText(-0.0001, null, 'id')).toBe('0,0 poin persen');
  });

  it('measures text in the width unit of a column: a digit of Arial 10', () => {
    expect(textUnits('0000000000')).toBeCloseTo(10 * 1.04 * (556 / 1000) * (40 / 3) / 7, 6);
    // Capitals are wider than their count of characters; a column never narrower than the count.
    expect(unitsFor('PEMPROV-JATENG')).toBeGreaterThan(17);
    expect(unitsFor('iiii')).toBe(5);
    // Lines break at spaces; a line as wide as the column (274 pixels of text in 40 units) goes to the next.
    const apr = 'Perpres 21/2023 Pasal 8 ayat (3); PermenPANRB 4/2025 Pasal 12 dan Pasal 30';
    expect([wrappedLines(apr, 44 * 7 - 6), wrappedLines(apr, 40 * 7 - 6)]).toEqual([2, 3]);
    expect(wrappedLines('satu\ndua', 1000)).toBe(2);
  });
});

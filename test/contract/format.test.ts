import { describe, expect, it } from 'vitest';
import { formatter, weekMonday } from '../../src-main/contract/format.ts';

const id = formatter('id');
const en = formatter('en');

// One way to write each thing per language (issue 19, item 2): before, English screens wrote
// Indonesian numbers and dates, and weeks were "2025-W29" in findings and Excel.
describe('one way to write a number, a date, a week and a difference per language', () => {
  it.each([
    ['a whole number', id.int(1298), '1.298', en.int(1298), '1,298'],
    ['a decimal', id.decimal(42.75, 2), '42,75', en.decimal(42.75, 2), '42.75'],
    ['a rate', id.pct(0.9205), '92,1\u00a0%', en.pct(0.9205), '92.1%'],
    ['a percentage', id.pctValue(90.22), '90,22\u00a0%', en.pctValue(90.22), '90.22%'],
    ['a difference', id.points(0.054), '+5,4 poin persen', en.points(0.054), '+5.4 percentage points'],
    ['a negative difference', id.points(-0.0123), '−1,2 poin persen', en.points(-0.0123), '−1.2 percentage points'],
    ['a difference where the unit is named once', id.pointsShort(0.054), '+5,4', en.pointsShort(-0.0123), '−1.2'],
    ['a count of a total', id.ratio(1298, 1319), '1.298/1.319', en.ratio(1298, 1319), '1,298/1,319'],
    ['a date', id.date('2025-08-03'), '3 Agu 2025', en.date('2025-08-03'), '3 Aug 2025'],
    ['September', id.date('2025-09-14'), '14 Sep 2025', en.date('2025-09-14'), '14 Sep 2025'],
    ['a week', id.week('2025-W29'), 'Minggu 29 (14–20 Jul 2025)', en.week('2025-W29'), 'Week 29 (14–20 Jul 2025)'],
    ['a week across months', id.week('2025-W31'), 'Minggu 31 (28 Jul – 3 Agu 2025)', en.week('2025-W31'), 'Week 31 (28 Jul – 3 Aug 2025)'],
    ['a week across years', id.week('2026-W01'), 'Minggu 1 (29 Des 2025 – 4 Jan 2026)', en.week('2026-W01'), 'Week 1 (29 Dec 2025 – 4 Jan 2026)'],
    ['a month', id.month('2025-08'), 'Agustus 2025', en.month('2025-08'), 'August 2025'],
    ['a day period', id.period('2025-07-14'), '14 Jul 2025', en.period('2025-07-14'), '14 Jul 2025'],
    ['a week period', id.period('2025-W29'), 'Minggu 29 (14–20 Jul 2025)', en.period('2025-W29'), 'Week 29 (14–20 Jul 2025)'],
    ['a year period', id.period('2025'), '2025', en.period('2025'), '2025'],
    ['nothing', id.pct(null), '–', en.date(null), '–'],
  ])('%s', (_what, gotId, wantId, gotEn, wantEn) => {
    expect(gotId).toBe(wantId);
    expect(gotEn).toBe(wantEn);
  });

  it.each([['2025-W01', '2024-12-30'], ['2026-W01', '2025-12-29'], ['2020-W53', '2020-12-28'], ['2025-W29', '2025-07-14']])(
    'week %s begins on Monday %s', (week, monday) => expect(weekMonday(week)).toBe(monday));
});

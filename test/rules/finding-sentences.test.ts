import { describe, expect, it } from 'vitest';
import { RULES } from '../../src-main/core/rules/index.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';

// Issue 19, item 1: a finding stores its figures; each rule says how its sentence reads in Bahasa
// Indonesia and in English (rule.ts, Sentence), and the formatter writes its numbers, dates and weeks.

const BOOK = createRuleBook(RULES);

interface Case {
  rule: string;
  figures: Record<string, unknown>;
  period: string;
  unit?: string | null;
  id: string;
  en: string;
}

const CASES: Case[] = [
  {
    rule: 'LOK-01', figures: { days: 3, limit: 2 }, period: '2025-W29',
    id: '3 hari fleksibel lokasi dalam Minggu 29 (14–20 Jul 2025), batas 2',
    en: '3 flexible-location days in Week 29 (14–20 Jul 2025), limit 2',
  },
  {
    rule: 'LOK-01', figures: { days: 1, limit: 0 }, period: '2025-W01',
    id: '1 hari fleksibel lokasi dalam Minggu 1 (30 Des 2024 – 5 Jan 2025), batas 0',
    en: '1 flexible-location day in Week 1 (30 Dec 2024 – 5 Jan 2025), limit 0',
  },
  {
    rule: 'LOK-02', figures: { mode: 'WFH' }, period: '2025-09-16', unit: 'Bagian Pelayanan',
    id: 'WFH pada 16 Sep 2025 padahal unit Bagian Pelayanan memberi layanan langsung',
    en: 'WFH on 16 Sep 2025 although unit Bagian Pelayanan serves the public directly',
  },
  {
    rule: 'LOK-02', figures: { mode: 'WFA' }, period: '2025-10-01', unit: null,
    id: 'WFA pada 1 Okt 2025 padahal unitnya memberi layanan langsung',
    en: 'WFA on 1 Oct 2025 although their unit serves the public directly',
  },
  {
    rule: 'ELG-01', figures: { mode: 'KANTOR_LAIN', discipline: 'ACTIVE' }, period: '2025-07-14',
    id: 'Kantor Lain pada 14 Jul 2025 saat menjalani hukuman disiplin',
    en: 'Another office on 14 Jul 2025 while serving a disciplinary penalty',
  },
  {
    rule: 'ELG-01', figures: { mode: 'WFH', discipline: 'IN_PROCESS' }, period: '2025-12-01',
    id: 'WFH pada 1 Des 2025 saat dalam proses hukuman disiplin',
    en: 'WFH on 1 Dec 2025 while facing disciplinary proceedings',
  },
  {
    rule: 'JAM-01', figures: { net: 1905, required: 2250 }, period: '2025-W37',
    id: '31 j 45 m dari 37 j 30 m',
    en: '31 h 45 min worked of 37 h 30 min required',
  },
  {
    rule: 'JAM-01', figures: { net: 0, required: 450 }, period: '2025-W37',
    id: '0 j 00 m dari 7 j 30 m',
    en: '0 h 00 min worked of 7 h 30 min required',
  },
  {
    rule: 'APR-01', figures: { mode: 'WFA' }, period: '2025-08-04',
    id: 'WFA pada 4 Agu 2025 tanpa persetujuan berstatus Disetujui',
    en: 'WFA on 4 Aug 2025 without an approved approval',
  },
  {
    rule: 'LAP-01', figures: { mode: 'KANTOR_LAIN' }, period: '2025-09-17',
    id: 'Kantor Lain pada 17 Sep 2025 tanpa laporan harian',
    en: 'Another office on 17 Sep 2025 without a daily report',
  },
  {
    rule: 'DIS-01', figures: { days: 7, band: 'DISSATISFACTION', streak: null }, period: '2025',
    id: '7 hari kerja tanpa keterangan dalam 2025: pernyataan tidak puas secara tertulis',
    en: '7 unexcused working days in 2025: written statement of dissatisfaction',
  },
  {
    rule: 'DIS-01', figures: { days: 12, band: 'CUT_6', streak: 10 }, period: '2025',
    id: '12 hari kerja tanpa keterangan dalam 2025: pemotongan tunjangan kinerja 25% selama 6 bulan; '
      + '10 hari kerja berturut-turut tanpa keterangan (pemberhentian dengan hormat tidak atas permintaan sendiri)',
    en: '12 unexcused working days in 2025: performance allowance cut by 25% for 6 months; '
      + '10 consecutive unexcused working days (honourable dismissal not at own request)',
  },
  {
    rule: 'DIS-01', figures: { days: 0, band: null, streak: 10 }, period: '2026',
    id: '0 hari kerja tanpa keterangan dalam 2026; 10 hari kerja berturut-turut tanpa keterangan (pemberhentian dengan hormat tidak atas permintaan sendiri)',
    en: '0 unexcused working days in 2026; 10 consecutive unexcused working days (honourable dismissal not at own request)',
  },
  {
    rule: 'DIS-01', figures: { days: 28, band: 'DISMISSAL', streak: null }, period: '2025',
    id: '28 hari kerja tanpa keterangan dalam 2025: pemberhentian dengan hormat tidak atas permintaan sendiri',
    en: '28 unexcused working days in 2025: honourable dismissal not at own request',
  },
];

const stored = (c: Case) => ({ rule: c.rule, period: c.period, unit: c.unit ?? null, figures: JSON.stringify(c.figures), detail: null });

/** Words of the Indonesian sentences that an English one must not hold. */
const INDONESIAN = /\b(hari|dalam|batas|pada|padahal|dari|tanpa|saat|Minggu|berturut|keterangan|laporan|persetujuan|hukuman)\b/;

describe("a finding's sentence, from its figures", () => {
  it.each(CASES)('$rule in Bahasa Indonesia: $id', (c) => {
    expect(BOOK.detail(stored(c), 'id')).toBe(c.id);
  });

  it.each(CASES)('$rule in English: $en', (c) => {
    expect(BOOK.detail(stored(c), 'en')).toBe(c.en);
  });

  it('every rule of the catalogue has a case here', () => {
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('no English sentence holds an Indonesian word', () => {
    expect(CASES.map((c) => BOOK.detail(stored(c), 'en')).filter((s) => INDONESIAN.test(s))).toEqual([]);
  });

  it('a finding stored as text by an earlier run (no figures) reads as stored, in either language', () => {
    const old = { rule: 'JAM-01', period: '2025-W41', unit: null, figures: null, detail: '35 j 05 m dari 37 j 30 m' };
    expect([BOOK.detail(old, 'id'), BOOK.detail(old, 'en')]).toEqual(['35 j 05 m dari 37 j 30 m', '35 j 05 m dari 37 j 30 m']);
  });
});

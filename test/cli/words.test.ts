import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_TABLE_NAMES, tableColumns } from '../../src-main/core/db/canonical.ts';
import { RULES } from '../../src-main/core/rules/index.ts';
import { paramColumns } from '../../src-main/core/rules/parameters.ts';
import { createRuleBook } from '../../src-main/core/rules/rule-book.ts';
import { pantauInProcess as run } from '../helpers/cli-in-process.ts';
import { SAMPLES } from '../helpers/samples.ts';
import { samplesWorkspace, suiteDir } from '../helpers/workspace.ts';

/*
 * Every command a person runs, on the samples, in both languages: what it prints for a person
 * (stdout and stderr, without --json) names no parameter by its key, shows no engine term, holds no
 * word of the other language, and writes numbers of 1000 and more with the language's separator
 * (issue 19).
 */

const book = createRuleBook(RULES);
/** What one types after --set: allowed only in `profile --help`, beside its label. */
const KEYS = [...book.parameters.map((p) => p.key), ...book.rules.map((r) => `rules.${r.id}.enabled`)];
/** Column names of the engine: the check run's profile columns and the canonical tables'. */
const COLUMNS = [
  ...paramColumns(book.parameters).map((c) => c.name),
  ...CANONICAL_TABLE_NAMES.flatMap((t) => tableColumns(t).map((c) => c.name)),
].filter((c) => c.includes('_'));
const ENGINE = ['undefined', 'null', 'NaN', '[object', 'run_', ...COLUMNS];

/*
 * Words of one language that the other's output must not hold. Chosen so that the samples' proper
 * names (units such as "Dinas Komunikasi dan Informatika", files such as kalender-nasional-….csv)
 * and legal citations ("Pasal 13 ayat (1)", "SOP instansi") cannot trip them.
 */
const MARKERS = {
  id: ['findings', 'week', 'weeks', 'refused', 'file', 'agency', 'rows', 'imported', 'compliance', 'enabled', 'the'],
  en: ['temuan', 'minggu', 'ditolak', 'berkas', 'diimpor', 'dibaca', 'kepatuhan', 'selisih', 'peserta', 'profil', 'aktif', 'bukan', 'tidak'],
} as const;

type Lang = 'id' | 'en';
interface Output { what: string; text: string }

/** The words of a text, options (--agency, what one types) left out. */
const words = (text: string) => new Set(text.replace(/--[a-z-]+/g, ' ').toLowerCase().split(/[^a-z]+/));
/** Digits not part of a date, a time, an id (b-000012, r-000001), a grouped number or a value quoted from a file. */
const BARE = /(?<![\d.,\-/:A-Za-z"])\d{4,}(?![\d.,\-/:A-Za-z"])/g;
/** Years (2025) and NIPs (18 digits) are written without separators. */
const isYearOrNip = (n: string) => /^(19|20)\d\d$/.test(n) || n.length === 18;

describe.each<Lang>(['id', 'en'])('pantau --lang %s, human output (issue 19)', (lang) => {
  const outputs: Output[] = [];
  const langArgs = lang === 'en' ? ['--lang', 'en'] : [];

  beforeAll(async () => {
    const dir = suiteDir();
    const db = await samplesWorkspace(dir);
    const common = ['--db', db, ...langArgs];
    const walk: [string, string[], number][] = [
      ['import', ['import', ...common, '--kind', 'attendance', '--agency', 'PEMPROV-JATENG', join(SAMPLES, 'pemprov-jateng/presensi-2025-09-10.csv')], 0],
      ['imports', ['imports', ...common], 0],
      ['check', ['check', ...common], 0],
      ['compare', ['compare', ...common], 0],
      ['profile', ['profile', ...common], 0],
      ['profile --set', ['profile', ...common, '--agency', 'PEMKOT-BOGOR', '--set', 'maxFlexDays=1', '--set', 'minGroupSize=1000', '--set', 'rules.LAP-01.enabled=false'], 0],
      ['profile --set refused (ceiling)', ['profile', ...common, '--agency', 'PEMKOT-BOGOR', '--set', 'maxFlexDays=3'], 1],
      ['profile --set refused (number)', ['profile', ...common, '--set', 'minGroupSize=1001'], 1],
      ['profile --set refused (switch)', ['profile', ...common, '--set', 'rules.LOK-02.enabled=kadang'], 1],
      ['export', ['export', ...common, '--out', join(dir, 'laporan.xlsx')], 0],
      ['records', ['records', ...common, '--kind', 'attendance', '--agency', 'PEMPROV-JATENG'], 0],
      ['--help', ['--help', ...langArgs], 0],
      ...['import', 'imports', 'undo', 'check', 'compare', 'export', 'records', 'serve'].map((c): [string, string[], number] => [`${c} --help`, [c, '--help', ...langArgs], 0]),
    ];
    for (const [what, args, status] of walk) {
      const r = await run(args);
      expect(r.status, `${what}: ${r.stderr}`).toBe(status);
      outputs.push({ what, text: r.stdout + r.stderr });
    }
  }, 600_000);

  it('names no parameter by its key', () => {
    for (const { what, text } of outputs) {
      for (const key of KEYS) expect(text, `${what} shows ${key}`).not.toMatch(new RegExp(`(?<![\\w.])${key.replace(/\./g, '\\.')}(?![\\w.])`));
    }
  });

  it('shows no engine term', () => {
    for (const { what, text } of outputs) for (const term of ENGINE) expect(text, `${what} shows ${term}`).not.toContain(term);
  });

  it(`holds no word of the other language`, () => {
    const other = lang === 'id' ? MARKERS.id : MARKERS.en;
    for (const { what, text } of outputs) {
      // The findings' sentences included: each is written in the language asked for.
      const own = words(text);
      for (const marker of other) expect(own.has(marker), `${what} says "${marker}"`).toBe(false);
    }
  });

  it('export lists the summary without a row count and each table with what its rows are (issue 19: "Ringkasan: 0 baris")', () => {
    const text = outputs.find((o) => o.what === 'export')!.text;
    expect(text).toMatch(lang === 'id' ? /^  Ringkasan$/m : /^  Summary$/m);
    expect(text).toMatch(lang === 'id' ? /^  Temuan: [\d.]+ temuan$/m : /^  Findings: [\d,]+ findings$/m);
  });

  it('writes numbers of 1000 and more with the language\'s separator', () => {
    for (const { what, text } of outputs) {
      const bare = [...text.matchAll(BARE)].map((m) => m[0]).filter((n) => !isYearOrNip(n));
      expect(bare, what).toEqual([]);
    }
    const all = outputs.map((o) => o.text).join('\n');
    // The Jawa Tengah file's 1410 rows, the records listed, the smallest group size set.
    expect(all).toContain(lang === 'id' ? '1.410 baris dibaca' : '1,410 rows read');
    expect(all).toMatch(lang === 'id' ? /\d\.\d{3} catatan Presensi\./ : /\d,\d{3} records of Attendance\./);
    expect(all).toContain(lang === 'id' ? 'Ukuran kelompok terkecil: 1.000 catatan' : 'Smallest group size: 1,000 records');
  });

  it('profile shows each setting by its label and unit; --set refusals name it the same way', () => {
    const text = (what: string) => outputs.find((o) => o.what === what)!.text;
    expect(text('profile --set')).toContain(lang === 'id' ? 'Batas hari fleksibel lokasi per minggu: 1 hari' : 'Flexible-location days allowed per week: 1 day');
    expect(text('profile --set')).toContain(lang === 'id' ? 'Aturan LAP-01 (Laporan harian pada hari fleksibel): nonaktif' : 'Rule LAP-01 (Daily report on flexible days): off');
    expect(text('profile --set refused (ceiling)')).toMatch(lang === 'id' ? /^Batas hari fleksibel lokasi per minggu paling banyak 2 hari: / : /^Flexible-location days allowed per week may be at most 2 days: /);
    expect(text('profile --set refused (switch)')).toMatch(lang === 'id' ? /^Aturan LOK-02 \(.+\) aktif harus ya atau tidak/ : /^Rule LOK-02 \(.+\) enabled must be yes or no/);
  });
});

describe('pantau profile --help lists what --set takes: each key beside its label (issue 19)', () => {
  it.each<Lang>(['id', 'en'])('--lang %s', async (lang) => {
    const r = await run(['profile', '--help', ...(lang === 'en' ? ['--lang', 'en'] : [])]);
    for (const p of book.parameters) expect(r.stderr).toMatch(new RegExp(`\\n  ${p.key} +${p.label[lang].replace(/[()/]/g, '\\$&')}`));
    expect(r.stderr).toContain(lang === 'id' ? 'Cara pakai: pantau profile [opsi]' : 'Usage: pantau profile [options]');
  });
});

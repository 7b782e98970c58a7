import { profileVersionWords } from '../../contract/param-words.ts';
import { COMPLIANCE_BANDS } from '../../contract/bands.ts';
import type { ExportSheet } from '../../contract/export-types.ts';
import type { ParamInfo, ProfileParams } from '../../contract/rules-types.ts';
import { letterhead, say, sheetName, type ExportContext } from './export-context.ts';
import { pick } from './report-text.ts';
import { SheetBuilder, type Col, type Value } from './sheet-kit.ts';

const PERIOD = {
  day: ['tanggal', 'day'], week: ['minggu ISO', 'ISO week'], month: ['bulan', 'month'], year: ['tahun', 'year'],
} satisfies Record<string, [string, string]>;

/** A parameter's value as a person reads it: a choice by its label, a number with its unit, a date in words. */
function shownValue(ctx: ExportContext, p: ParamInfo, v: ProfileParams[string] | undefined): Value {
  if (v === null || v === undefined || typeof v === 'object') return '-';
  const choice = p.choices?.find((c) => c.value === v);
  if (choice) return pick(ctx.lang, [choice.label.id, choice.label.en]);
  if (typeof v === 'boolean') return v ? say(ctx, 'ya', 'yes') : say(ctx, 'tidak', 'no');
  if (typeof v === 'number') {
    const n = Number.isInteger(v) ? ctx.fmt.int(v) : ctx.fmt.decimal(v, Math.min(3, String(v).split('.')[1]?.length ?? 1));
    return p.unit ? `${n} ${pick(ctx.lang, [p.unit.id, p.unit.en])}` : n;
  }
  return p.type === 'date' ? ctx.fmt.date(v) : v;
}

/**
 * Each parameter by its label (never its key), with its value and unit; then each rule's switch by
 * the rule's name, "aktif" or "tidak aktif".
 */
function paramRows(ctx: ExportContext, parameters: readonly ParamInfo[], params: ProfileParams): [string, Value][] {
  const { rules } = ctx.ruleBook.catalogue();
  return [
    ...parameters.map((p): [string, Value] => [pick(ctx.lang, [p.label.id, p.label.en]), shownValue(ctx, p, params[p.key])]),
    ...rules.map((r): [string, Value] => [`${say(ctx, 'Aturan', 'Rule')} ${r.id} ${pick(ctx.lang, [r.title.id, r.title.en])}`,
      params.rules[r.id]?.enabled === false ? say(ctx, 'tidak aktif', 'off') : say(ctx, 'aktif', 'on')]),
  ];
}

function notes(ctx: ExportContext): string[] {
  const n = ctx.compare.minGroupSize;
  const { fmt } = ctx;
  const s = (id: string, en: string) => say(ctx, id, en);
  const week = fmt.week('2025-W37');
  return [
    s(`Minggu = minggu ISO (Senin–Minggu), ditulis dengan nomornya dan tanggal-tanggalnya: ${week}. Hari kerja = Senin–Jumat (atau pola hari kerja profil) selain libur nasional dan cuti bersama.`,
      `Week = ISO week (Monday–Sunday), written with its number and its days: ${week}. Working days = Monday–Friday (or the profile's working-day pattern) other than national holidays and collective leave.`),
    s('Pegawai-minggu teramati = pegawai dengan sekurang-kurangnya satu catatan presensi dalam minggu itu. Patuh bila tidak ada temuan aturan aktif pada minggu itu; temuan harian masuk ke minggu tanggalnya; DIS-01 bersifat tahunan dan tidak ikut tingkat mingguan.',
      'Employee-weeks observed = employees with at least one attendance record in the week. Compliant when no finding of an active rule falls in that week; a daily finding counts in the week of its date; DIS-01 is yearly and not part of the weekly rate.'),
    s('Tingkat kepatuhan = pegawai-minggu patuh / pegawai-minggu teramati, untuk unit, instansi, minggu dan seluruh data. Kepatuhan aturan = bagian pegawai-minggu tanpa temuan aturan itu.',
      'Compliance rate = compliant employee-weeks / employee-weeks observed, for units, agencies, weeks and the whole data. Compliance with a rule = the share of employee-weeks without a finding of that rule.'),
    s(`Warna tingkat kepatuhan: hijau ≥ ${fmt.pct(COMPLIANCE_BANDS.target)}, kuning ${fmt.pct(COMPLIANCE_BANDS.low)} sampai < ${fmt.pct(COMPLIANCE_BANDS.target)}, merah < ${fmt.pct(COMPLIANCE_BANDS.low)}.`,
      `Colours of compliance rates: green ≥ ${fmt.pct(COMPLIANCE_BANDS.target)}, yellow ${fmt.pct(COMPLIANCE_BANDS.low)} to < ${fmt.pct(COMPLIANCE_BANDS.target)}, red < ${fmt.pct(COMPLIANCE_BANDS.low)}.`),
    s('Unit pegawai = unit pada daftar pegawai; bila pegawai tidak ada di daftar, unit yang paling sering tercatat pada presensinya dalam minggu itu.',
      'An employee\'s unit = the unit on the roster; for an employee not on the roster, the unit recorded most often on their attendance that week.'),
    s(`Kinerja fleksibel vs konvensional: setiap catatan kinerja (pegawai, periode) yang pegawainya punya presensi dalam periode itu; fleksibel bila ada sekurang-kurangnya satu hari fleksibel lokasi (WFH, WFA, Kantor Lain) dalam periode itu. Target tercapai bila capaian ≥ ${fmt.int(100)} %, atau bila capaian kosong, predikat Sangat Baik atau Baik.`,
      `Flexible vs conventional performance: every performance record (employee, period) whose employee has attendance in that period; flexible when there is at least one flexible-location day (WFH, WFA, other office) in it. Target met when achievement ≥ ${fmt.int(100)}%, or, without an achievement, a rating of Sangat Baik (very good) or Baik (good).`),
    s(`Interval kepercayaan (IK) 95 %: skor Wilson untuk satu proporsi; skor hibrida Newcombe untuk selisih dua proporsi. Selisih dua persentase ditulis dalam poin persen (${fmt.points(0.054)} = ${fmt.pct(0.054)} dikurangi ${fmt.pct(0)}, bukan naik ${fmt.pct(0.054)}). Kelompok dengan n < ${n} ditulis "n < ${n}" tanpa angka.`,
      `95% confidence interval (CI): Wilson score for one proportion; Newcombe's hybrid score for the difference of two. A difference of two percentages is written in percentage points (${fmt.points(0.054)} = ${fmt.pct(0.054)} less ${fmt.pct(0)}, not a rise of ${fmt.pct(0.054)}). Groups with n < ${n} are written "n < ${n}" without a figure.`),
    s(`Survei: % puas = peserta FWA yang memberi nilai kepuasan 4 atau 5; % target tercapai = peserta FWA yang menjawab Ya; angka rujukan ${fmt.pctValue(90.22)} dan ${fmt.pctValue(90.73)} berasal dari survei FWA yang dikutip pemerintah saat menerbitkan PermenPANRB 4/2025.`,
      `Survey: % satisfied = FWA participants who gave a satisfaction score of 4 or 5; % target met = FWA participants who answered Yes; the reference figures ${fmt.pctValue(90.22)} and ${fmt.pctValue(90.73)} come from the FWA survey the government cited when it issued PermenPANRB 4/2025.`),
    s('Waktu (Manifest) ditulis dalam zona waktu komputer yang membuat buku kerja ini, dengan nama zonanya (WIB, WITA, WIT) atau selisihnya dari UTC.',
      'Times (Manifest) are written in the time zone of the computer that made this workbook, with the zone\'s name (WIB, WITA, WIT) or its offset from UTC.'),
    s('Teks dari berkas sumber (nama, unit, uraian) selalu ditulis sebagai teks biasa, tidak pernah sebagai rumus: teks yang diawali =, +, -, @, tab atau CR diberi tanda awalan kutip (\') pada selnya, sehingga tetap teks walaupun selnya disunting.',
      'Text from source files (names, units, details) is always written as plain text, never as a formula: text beginning with =, +, -, @, tab or CR has its cell marked with the quote prefix (\'), so it stays text when the cell is edited.'),
    s('Karakter yang tidak dapat dimuat lembar kerja (karakter kendali, U+FFFE, U+FFFF, surrogate tunggal) diganti dengan U+FFFD (\uFFFD) agar tetap terlihat ada karakter di situ; karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069) dihapus agar tidak membalik urutan kata dalam laporan. Selebihnya teks ditulis persis seperti dalam berkas sumber.',
      'Characters a sheet cannot hold (control characters, U+FFFE, U+FFFF, lone surrogates) are replaced with U+FFFD (\uFFFD), so that one still sees a character was there; text-direction characters (U+202A–U+202E, U+2066–U+2069) are dropped so that they cannot reorder the words of the report. Otherwise text is written exactly as in the source file.'),
    ...(ctx.pseudo.on
      ? [s(`Penyamaran: setiap NIP diganti kode P-… (HMAC-SHA-256 dengan kunci rahasia, dipendekkan menjadi 12 karakter base32) dan nama diganti "${ctx.pseudo.person} P-…". Kunci yang sama memberi kode yang sama untuk orang yang sama di setiap ekspor, sehingga data beberapa bulan tetap dapat digabungkan. Kunci tidak disimpan di buku kerja ini.`,
        `Pseudonymisation: every NIP is replaced by a code P-… (HMAC-SHA-256 with a secret key, shortened to 12 base32 characters) and every name by "${ctx.pseudo.person} P-…". The same key gives the same person the same code in every export, so months can still be joined. The key is not stored in this workbook.`)]
      : []),
  ];
}

/** Each rule in plain language with its article, the profile parameters used, and how the figures are made. */
export function writeMethod(ctx: ExportContext): ExportSheet {
  const s = (id: string, en: string) => say(ctx, id, en);
  const cols: Col[] = [
    { header: s('Aturan', 'Rule') },
    { header: s('Judul', 'Title'), max: 24 },
    { header: s('Penjelasan', 'Explanation'), max: 48 },
    { header: s('Dasar hukum', 'Legal basis'), max: 24 },
    { header: s('Periode temuan', 'Period of a finding') },
    { header: s('Parameter', 'Parameters'), max: 30 },
  ];
  const sheet = new SheetBuilder(sheetName(ctx, 'method'), cols, { lang: ctx.lang, letterhead: letterhead(ctx, s('Metode dan Parameter', 'Method and Parameters')) });
  let last = sheet.header(cols.map((c) => c.header));
  const { rules, parameters } = ctx.ruleBook.catalogue();
  const label = (key: string) => {
    const p = parameters.find((x) => x.key === key);
    return p ? pick(ctx.lang, [p.label.id, p.label.en]) : undefined;
  };
  for (const r of rules) {
    const used = r.parameters.map(label).filter((l): l is string => l !== undefined);
    last = sheet.add([r.id, pick(ctx.lang, [r.title.id, r.title.en]), pick(ctx.lang, [r.explanation.id, r.explanation.en]), r.basis,
      pick(ctx.lang, PERIOD[r.period]), used.join('; ') || '-']);
  }
  sheet.filter(last);
  sheet.blank();
  sheet.span(s('Catatan metode', 'Notes on the method'), 'section');
  for (const line of notes(ctx)) sheet.span(line);
  sheet.blank();
  sheet.span(s('Parameter profil yang dipakai', 'Profile parameters used'), 'section');
  // The longest table: its header is the one repeated on the printed pages it runs over.
  sheet.header([s('Instansi', 'Agency'), s('Versi profil', 'Profile version'), s('Parameter', 'Parameter'), s('Nilai', 'Value')], [], true);
  for (const p of ctx.profiles) {
    for (const [label, value] of paramRows(ctx, parameters, p.params)) sheet.add([p.agency ?? s('nasional', 'national'), profileVersionWords(p.version, ctx.lang), label, value]);
  }
  const written = sheet.write(ctx.book);
  return { ...written, rows: rules.length };
}

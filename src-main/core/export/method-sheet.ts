import type { ExportSheet } from '../../contract/export-types.ts';
import type { ParamInfo, ProfileParams } from '../../contract/rules-types.ts';
import type { ExportContext } from './export-context.ts';
import { BANDS, openSheet, writeRow, type Col, type Value } from './sheet-kit.ts';

const COLS: Col[] = [
  { header: 'Aturan', width: 16 },
  { header: 'Judul', width: 34 },
  { header: 'Penjelasan', width: 70 },
  { header: 'Dasar hukum', width: 40 },
  { header: 'Periode temuan', width: 14 },
  { header: 'Parameter', width: 44 },
];

const PERIOD = { day: 'tanggal', week: 'minggu ISO', month: 'bulan', year: 'tahun' } as const;
const pct = (v: number) => `${String(v * 100).replace('.', ',')} %`;

/** Each parameter by its label, with its value and unit; then each rule's switch. */
function paramRows(parameters: readonly ParamInfo[], params: ProfileParams): [string, Value][] {
  const shown = (p: ParamInfo): Value => {
    const v = params[p.key];
    if (v === null || v === undefined) return '-';
    if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
    if (typeof v === 'number') return p.unit ? `${String(v).replace('.', ',')} ${p.unit.id}` : v;
    return typeof v === 'string' ? v : '-';
  };
  return [
    ...parameters.map((p): [string, Value] => [p.label.id, shown(p)]),
    ...Object.entries(params.rules).map(([id, r]): [string, Value] => [`Aturan ${id} diperiksa`, r.enabled ? 'ya' : 'tidak']),
  ];
}

function notes(ctx: ExportContext): string[] {
  const n = ctx.compare.minGroupSize;
  return [
    'Minggu = minggu ISO (Senin–Minggu), ditulis 2025-W37. Hari kerja = Senin–Jumat (atau pola hari kerja profil) selain libur nasional dan cuti bersama.',
    'Pegawai-minggu teramati = pegawai dengan sekurang-kurangnya satu catatan presensi dalam minggu itu. Patuh bila tidak ada temuan aturan aktif pada minggu itu; temuan harian masuk ke minggu tanggalnya; DIS-01 bersifat tahunan dan tidak ikut tingkat mingguan.',
    'Tingkat kepatuhan = pegawai-minggu patuh / pegawai-minggu teramati, untuk unit, instansi, minggu dan seluruh data.',
    `Warna tingkat kepatuhan: hijau ≥ ${pct(BANDS.high)}, kuning ${pct(BANDS.low)} sampai < ${pct(BANDS.high)}, merah < ${pct(BANDS.low)}.`,
    'Unit pegawai = unit pada daftar pegawai; bila pegawai tidak ada di daftar, unit yang paling sering tercatat pada presensinya dalam minggu itu.',
    'Kinerja fleksibel vs konvensional: setiap catatan kinerja (pegawai, periode) yang pegawainya punya presensi dalam periode itu; fleksibel bila ada sekurang-kurangnya satu hari fleksibel lokasi (WFH, WFA, Kantor Lain) dalam periode itu. Target tercapai bila capaian ≥ 100 %, atau bila capaian kosong, predikat Sangat Baik atau Baik.',
    `Interval kepercayaan (IK) 95 %: skor Wilson untuk satu proporsi; hybrid score Newcombe untuk selisih dua proporsi. Kelompok dengan n < ${n} ditulis "n < ${n}" tanpa angka.`,
    'Survei: % puas = peserta FWA yang memberi nilai kepuasan 4 atau 5; % target tercapai = peserta FWA yang menjawab Ya; angka rujukan 90,22 % dan 90,73 % berasal dari survei FWA yang dikutip pemerintah saat menerbitkan PermenPANRB 4/2025.',
    'Teks dari berkas sumber (nama, unit, uraian) selalu ditulis sebagai teks biasa, tidak pernah sebagai rumus: teks yang diawali =, +, -, @, tab atau CR diberi tanda awalan kutip (\') pada selnya, sehingga tetap teks walaupun selnya disunting.',
    'Karakter yang tidak dapat dimuat lembar kerja (karakter kendali, U+FFFE, U+FFFF, surrogate tunggal) diganti dengan U+FFFD (\uFFFD) agar tetap terlihat ada karakter di situ; karakter pengubah arah teks (U+202A–U+202E, U+2066–U+2069) dihapus agar tidak membalik urutan kata dalam laporan. Selebihnya teks ditulis persis seperti dalam berkas sumber.',
    ...(ctx.pseudo.on
      ? ['Penyamaran: setiap NIP diganti kode P-… (HMAC-SHA-256 dengan kunci rahasia, dipendekkan menjadi 12 karakter base32) dan nama diganti "Pegawai P-…". Kunci yang sama memberi kode yang sama untuk orang yang sama di setiap ekspor, sehingga data beberapa bulan tetap dapat digabungkan. Kunci tidak disimpan di buku kerja ini.']
      : []),
  ];
}

/** Each rule in plain Bahasa Indonesia with its article, the profile parameters used, and how the figures are made. */
export function writeMethod(ctx: ExportContext): ExportSheet {
  const name = 'Metode';
  const ws = openSheet(ctx.book, name, { cols: COLS, frozenRows: 1 });
  writeRow(ws, COLS.map((c) => c.header), 'header');
  const { rules, parameters } = ctx.ruleBook.catalogue();
  const label = (key: string) => parameters.find((p) => p.key === key)?.label.id;
  for (const r of rules) {
    const used = r.parameters.map(label).filter((l): l is string => l !== undefined);
    writeRow(ws, [r.id, r.title.id, r.explanation.id, r.basis, PERIOD[r.period], used.join('; ') || '-'], 'wrap');
  }
  ws.autoFilter = `A1:F${rules.length + 1}`;
  writeRow(ws, []);
  writeRow(ws, ['Parameter profil yang dipakai'], 'section');
  writeRow(ws, ['Instansi', 'Versi profil', 'Parameter', 'Nilai'], 'header');
  for (const p of ctx.profiles) {
    for (const [key, value] of paramRows(parameters, p.params)) writeRow(ws, [p.agency ?? 'nasional', p.version, key, value]);
  }
  writeRow(ws, []);
  writeRow(ws, ['Catatan metode'], 'section');
  for (const line of notes(ctx)) writeRow(ws, [line]);
  ws.commit();
  return { name, rows: rules.length };
}


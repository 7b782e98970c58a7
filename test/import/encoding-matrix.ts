import iconv from 'iconv-lite';

/** Twenty Indonesian names with the characters Excel on Windows writes as Windows-1252. */
export const NAMES_1252 = [
  'Siti Nur’aini', 'Ahmad “Didi” Ramadhan', 'Dewi Lestari – Putri', 'René Sitompul', 'Made Ayu Kartika',
  'Yohanes D’Costa', 'Raden Ajeng “Ajeng” S.', 'Théresia Manurung', 'I Gusti Ngurah – Rai', 'Nyoman Budiarta',
  'Ma’ruf Amin', 'Zoë Hutapea', 'André Simanjuntak', 'Fitri “Pipit” Handayani', 'Muhammad Rizky',
  'Citra Kirana – Sari', 'Agnès Wulandari', 'Daeng Ma’dika', 'Bonifasius Élias', 'Ni Luh Putu Sari',
];
/** ISO-8859-1 has no ’ “ ” –: the same export saved in it carries their ASCII stand-ins. */
export const NAMES_LATIN1 = NAMES_1252.map((n) => n.replaceAll('’', "'").replaceAll(/[“”]/g, '"').replaceAll('–', '-'));

export interface Variant {
  label: string;
  encoding: string;
  bom: boolean;
  delimiter: string;
  names: string[];
}

export const VARIANTS: Variant[] = [
  { label: 'UTF-8', encoding: 'utf-8', bom: false, delimiter: ',', names: NAMES_1252 },
  { label: 'UTF-8 BOM', encoding: 'utf-8', bom: true, delimiter: ';', names: NAMES_1252 },
  // Excel's "Unicode Text": UTF-16LE with BOM, TAB-separated.
  { label: 'UTF-16LE', encoding: 'utf-16le', bom: true, delimiter: '\t', names: NAMES_1252 },
  { label: 'UTF-16BE', encoding: 'utf-16be', bom: true, delimiter: ',', names: NAMES_1252 },
  { label: 'Windows-1252', encoding: 'windows-1252', bom: false, delimiter: ';', names: NAMES_1252 },
  { label: 'ISO-8859-1', encoding: 'iso-8859-1', bom: false, delimiter: ',', names: NAMES_LATIN1 },
];

const HEADER = ['NIP', 'Nama', 'Tanggal', 'Jam Masuk', 'Jam Pulang', 'Kode Kehadiran', 'Mode Kerja'];

/** The 20-row attendance export in one encoding; names quoted because they hold quotes. */
export function encodedExport(v: Variant): Buffer {
  const lines = [HEADER.join(v.delimiter)];
  v.names.forEach((name, i) => {
    const nip = `19860926201505${i % 2 ? 2 : 1}${String(i + 1).padStart(3, '0')}`;
    const cells = [nip, `"${name.replaceAll('"', '""')}"`, '2025-09-01', '07:30', '16:00', 'H', i % 3 ? 'WFO' : 'WFH'];
    lines.push(cells.join(v.delimiter));
  });
  const text = `${lines.join('\r\n')}\r\n`;
  const body = iconv.encode(text, v.encoding, { addBOM: v.bom });
  // iconv writes the BOM only for UTF-16 when asked; a UTF-8 BOM is added by hand.
  return v.bom && v.encoding === 'utf-8' && body[0] !== 0xef ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

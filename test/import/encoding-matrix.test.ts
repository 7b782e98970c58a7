import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCore, importOne, rows } from '../helpers/workspace.ts';
import { encodedExport, VARIANTS } from './encoding-matrix.ts';
import { figure } from '../support/figures.ts';

describe('encodings: one 20-row export in six encodings imports to byte-identical names', () => {
  it('encodings: 6/6 identical, 0 replacement characters', async () => {
    const core = await freshCore();
    let identical = 0;
    let replacement = 0;
    for (const [i, v] of VARIANTS.entries()) {
      const path = join(core.dir, `presensi-${i}.csv`);
      const bytes = encodedExport(v);
      // The file really is in that encoding: no UTF-8 multi-byte sequences where there should be none.
      if (v.encoding === 'windows-1252') expect(bytes.includes(0x92)).toBe(true); // ’
      writeFileSync(path, bytes);
      const agency = `ENC-${i}`;
      const r = await importOne(core, { path, kind: 'attendance', agency });
      expect(r.error, v.label).toBeNull();
      expect(r.rowsImported, v.label).toBe(20);
      const got = await rows<{ name: string }>(core, `SELECT name FROM attendance WHERE agency = '${agency}' ORDER BY row_no`);
      const names = got.map((g) => g.name);
      replacement += names.join('').split('\uFFFD').length - 1;
      const same = names.length === 20 && names.every((n, k) => Buffer.from(n, 'utf8').equals(Buffer.from(v.names[k]!.normalize('NFC'), 'utf8')));
      expect(names, v.label).toEqual(v.names);
      if (same) identical++;
      const [batch] = await rows<{ encoding: string }>(core, `SELECT encoding FROM batches WHERE batch_id = '${r.batch}'`);
      expect(batch!.encoding, `${v.label}: detected encoding is logged`).toBe(v.encoding === 'iso-8859-1' ? 'windows-1252' : v.encoding);
    }
    expect({ identical, replacement }).toEqual({ identical: 6, replacement: 0 });
    figure('encodings', `encodings: ${identical}/${VARIANTS.length} identical, ${replacement} replacement characters`);
  });
});

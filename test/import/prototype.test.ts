import { describe, expect, it } from 'vitest';
import { freshCore, importOne, rows } from '../helpers/workspace.ts';
import { PROTO_NAMES, writeProtoXlsx } from './generate.ts';

// test/support/canary-setup.ts checks Object.prototype after every test of every project.
describe('prototype canary', () => {
  it('an XLSX whose shared strings are __proto__, constructor, ... imports them as plain text', async () => {
    const core = await freshCore();
    const { path } = await writeProtoXlsx(core.dir);
    const r = await importOne(core, { path, kind: 'attendance', agency: 'KEMENDAGRI' });
    expect(r).toMatchObject({ status: 'imported', rowsImported: PROTO_NAMES.length, rowsRejected: 0 });
    const names = (await rows<{ name: string }>(core, 'SELECT name FROM attendance ORDER BY row_no')).map((x) => x.name);
    expect(names).toEqual(PROTO_NAMES);
    const preview = await core.previewImport({ path, kind: 'attendance' });
    expect(preview.headers).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the canary would notice a change', () => {
    const key = 'pantauCanaryProbe';
    Object.defineProperty(Object.prototype, key, { value: 1, configurable: true });
    try {
      expect(Object.getOwnPropertyNames(Object.prototype)).toContain(key);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
  });
});

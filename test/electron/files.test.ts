import { describe, expect, it } from 'vitest';
import type { MethodName, RequestOf } from '../../src-main/contract/api.ts';
import { FILE_FIELDS, fileFieldsOf } from '../../src-main/contract/files.ts';
import { createFileTokens } from '../../src-main/electron/files.ts';

// The contract's list of file fields is complete: every method whose request has a `path`, an `out`
// or a `files[].path` is in it, and nothing else. Checked by the compiler (npm run typecheck): a new
// method that names a file and is not listed makes `complete` a type error.
type NamesFile<T> = T extends { path: string } | { out: string } | { files: readonly { path: string }[] } ? true : false;
type MethodsNamingFiles = { [M in MethodName]: NamesFile<RequestOf<M>> extends true ? M : never }[MethodName];
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const complete: Same<MethodsNamingFiles, keyof typeof FILE_FIELDS> = true;

describe('the file fields of the contract', () => {
  it('list the six methods that name a file, each field with what the core does with it', () => {
    expect(complete).toBe(true);
    const seen: [string, string, string][] = [];
    const requests: Record<keyof typeof FILE_FIELDS, unknown> = {
      importFiles: { files: [{ path: 'a', kind: 'units' }, { path: 'b', kind: 'roster' }] },
      previewImport: { path: 'c', kind: 'units' },
      detectImport: { path: 'd' },
      exportWorkbook: { out: 'e.xlsx' },
      exportRejects: { batches: ['b1'], out: 'f.xlsx' },
      exportTable: { table: 'findings', filter: {}, out: 'e.xlsx' },
    };
    for (const [method, req] of Object.entries(requests)) {
      const rewritten = fileFieldsOf(method)!(req, (value, role) => {
        seen.push([method, value, role]);
        return `<${value}>`;
      });
      expect(JSON.stringify(rewritten)).toMatch(/<[a-f](\.xlsx)?>/);
    }
    expect(seen).toEqual([
      ['importFiles', 'a', 'read'], ['importFiles', 'b', 'read'], ['previewImport', 'c', 'read'], ['detectImport', 'd', 'read'],
      ['exportWorkbook', 'e.xlsx', 'write'], ['exportRejects', 'f.xlsx', 'write'],
      ['exportTable', 'e.xlsx', 'write'],
    ]);
  });

  it('name nothing for any other method, even one named like an Object property', () => {
    for (const method of ['listRules', 'overview', 'toString', 'constructor', '__proto__', 'desktop.workspace']) expect(fileFieldsOf(method), method).toBeUndefined();
  });
});

describe('file tokens', () => {
  it('are random, keep the extension and nothing else of the path, and give the file name', () => {
    const tokens = createFileTokens();
    const a = tokens.issue('/home/pegawai/Rahasia/presensi-Maret.CSV', 'read');
    const b = tokens.issue('/home/pegawai/Rahasia/presensi-Maret.CSV', 'read');
    expect(a).toEqual({ token: expect.stringMatching(/^file:[\w-]{24}\.CSV$/), name: 'presensi-Maret.CSV' });
    expect(b.token).not.toBe(a.token);
    expect(a.token).not.toContain('Rahasia');
    expect(tokens.issue('/data/tanpa-ekstensi', 'read').token).toMatch(/^file:[\w-]{24}$/);
    expect(tokens.issue('/data/aneh.x y', 'read').token).toMatch(/^file:[\w-]{24}$/);
  });

  it('resolve to the path for their own role only', () => {
    const tokens = createFileTokens();
    const source = tokens.issue('/data/a.csv', 'read');
    const target = tokens.issue('/data/out.xlsx', 'write');
    expect(tokens.resolve(source.token, 'read', [])).toEqual({ token: source.token, path: '/data/a.csv', name: 'a.csv', role: 'read' });
    expect(tokens.resolve(target.token, 'write', [])).toMatchObject({ path: '/data/out.xlsx' });
    expect(() => tokens.resolve(source.token, 'write', [])).toThrow('dialog simpan');
    expect(() => tokens.resolve(target.token, 'read', [])).toThrow('tidak dapat dibaca');
  });

  it('are made by one registry only: another one\'s token, a path or a handle is refused', () => {
    const one = createFileTokens();
    const other = createFileTokens();
    const token = one.issue('/data/a.csv', 'read').token;
    expect(() => other.resolve(token, 'read', [])).toThrow('tidak dikenal');
    for (const value of ['/etc/passwd', 'C:\\Windows\\win.ini', 'upload:AAAAAAAAAAAAAAAAAAAA', 'download:a.xlsx', 'file:', '']) {
      expect(() => one.resolve(value, 'read', []), value).toThrow(/dialog Pantau|tidak dikenal/);
    }
  });

  it('take "dropped:<n>" from the call\'s own dropped list only, to read', () => {
    const tokens = createFileTokens();
    const dropped = ['/data/a.csv', '/data/b.xlsx'];
    expect(tokens.resolve('dropped:1', 'read', dropped)).toEqual({ token: 'dropped:1', path: '/data/b.xlsx', name: 'b.xlsx', role: 'read' });
    for (const value of ['dropped:2', 'dropped:01', 'dropped:-1', 'dropped:1 ', 'dropped:length', 'dropped:constructor']) {
      expect(() => tokens.resolve(value, 'read', dropped), value).toThrow('tidak dikenal');
    }
    expect(() => tokens.resolve('dropped:0', 'write', dropped)).toThrow('dialog simpan');
  });
});

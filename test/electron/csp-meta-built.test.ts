import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../src-main/electron/security.ts';

// In the e2e project, whose global setup builds the app, so the file is always there to check.
const BUILT = resolve(import.meta.dirname, '../../out/renderer/index.html');

describe('the CSP <meta> tag of the built renderer', () => {
  it('is in out/renderer/index.html before any script', () => {
    const html = readFileSync(BUILT, 'utf8').replaceAll('&#39;', "'");
    const meta = html.indexOf(`content="${buildCsp({ forMeta: true })}"`);
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(html.indexOf('<script'));
  });
});

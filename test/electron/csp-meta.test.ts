import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspMetaPlugin } from '../../src-main/electron/csp-meta.ts';
import { buildCsp } from '../../src-main/electron/security.ts';

const BUILT = resolve(import.meta.dirname, '../../out/renderer/index.html');

describe('the CSP <meta> tag of the built renderer', () => {
  it('is added at the top of <head>, at build time only, with the production policy', () => {
    const plugin = cspMetaPlugin();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as () => unknown;
    expect(transform()).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildCsp({ forMeta: true }) }, injectTo: 'head-prepend' },
    ]);
  });

  // npm test builds before it runs the tests, so this checks the file the window really loads.
  it.skipIf(!existsSync(BUILT))('is in out/renderer/index.html before any script', () => {
    const html = readFileSync(BUILT, 'utf8').replaceAll('&#39;', "'");
    const meta = html.indexOf(`content="${buildCsp({ forMeta: true })}"`);
    expect(meta).toBeGreaterThan(-1);
    expect(meta).toBeLessThan(html.indexOf('<script'));
  });
});

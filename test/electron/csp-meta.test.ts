import { describe, expect, it } from 'vitest';
import { cspMetaPlugin } from '../../src-main/electron/csp-meta.ts';
import { buildCsp } from '../../src-main/electron/security.ts';

describe('the CSP <meta> tag of the built renderer', () => {
  it('is added at the top of <head>, at build time only, with the production policy', () => {
    const plugin = cspMetaPlugin();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as () => unknown;
    expect(transform()).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildCsp({ forMeta: true }) }, injectTo: 'head-prepend' },
    ]);
  });

  // The built file the window loads is checked by csp-meta-built.test.ts, in the e2e project (which builds the app).
});

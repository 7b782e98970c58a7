// Build-time half of the Content-Security-Policy. The window loads the renderer from file://,
// where response headers are not guaranteed to reach (Electron's security guide: "not possible
// … when loading a resource using the file:// protocol"), so the built index.html carries the
// same policy as a <meta> tag. It is added, not substituted: a policy the renderer's own
// index.html declares stays in force too (browsers enforce every policy given).
import type { Plugin } from 'vite';
import { buildCsp } from './security.ts';

export function cspMetaPlugin(): Plugin {
  return {
    name: 'pantau-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: buildCsp({ forMeta: true }) }, injectTo: 'head-prepend' },
    ],
  };
}

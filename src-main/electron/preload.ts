// The only bridge between the sandboxed renderer and the main process. The renderer gets exactly
// one function, `window.pantau.invoke`; its contract (File objects or dialog tokens in the body, the
// answer, the 'pantau:menu' DOM event for native-menu commands) is written down in contract/desktop.ts.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopBridge } from '../contract/desktop.ts';
import {
  badRequest, encodeBody, type EncodedBody, INVOKE_CHANNEL, isMenuEvent, isProgressMessage, MENU_CHANNEL, MENU_EVENT, PROGRESS_CHANNEL, PROGRESS_EVENT,
} from './bridge.ts';

const bridge: DesktopBridge = {
  invoke(method: string, body: string | object, callId?: string, lang?: 'id' | 'en'): Promise<string> {
    let encoded: EncodedBody;
    try {
      encoded = encodeBody(body, (file) => webUtils.getPathForFile(file));
    } catch (err) {
      return Promise.resolve(badRequest(err));
    }
    const id = typeof callId === 'string' ? callId : undefined;
    // Checked again in the main process (security.ts): the page is not trusted to send only id or en.
    // The dropped files' paths go beside the request: the page cannot write into that list.
    return ipcRenderer.invoke(
      INVOKE_CHANNEL, String(method), encoded.text, id, typeof lang === 'string' ? lang : undefined, encoded.dropped,
    ) as Promise<string>;
  },
};

contextBridge.exposeInMainWorld('pantau', bridge);

// Menu commands arrive as a DOM event rather than a second exposed function (a callback
// registration would hand the page a way to keep preload closures alive and widen the surface).
// The detail is a plain object of strings, which Chromium copies into the page's world.
ipcRenderer.on(MENU_CHANNEL, (_event, payload: unknown) => {
  if (isMenuEvent(payload)) window.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: payload }));
});
ipcRenderer.on(PROGRESS_CHANNEL, (_event, payload: unknown) => {
  if (isProgressMessage(payload)) window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: payload }));
});

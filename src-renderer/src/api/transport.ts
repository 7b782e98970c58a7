import type { CallOptions, Envelope, ProgressEvent, Transport } from '../../../src-main/contract/index.ts';

/** What the Electron preload exposes: one function, one IPC channel. */
export interface PantauBridge {
  /** body: the JSON request, or (when it names dropped files) the request object with File values in place of paths. */
  invoke(method: string, body: string | object, callId?: string, lang?: 'id' | 'en'): Promise<string>;
}

declare global {
  interface Window {
    pantau?: PantauBridge;
  }
}

const TOKEN_KEY = 'pantau.token';

/** The per-start token arrives once in the URL; it is kept for the tab and taken out of the address bar. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function failure(code: string, message: string): string {
  const envelope: Envelope = { ok: false, error: { code: code as 'INTERNAL', message, details: null } };
  return JSON.stringify(envelope);
}

/** Reads NDJSON: progress lines, then the envelope as the last line. */
async function readStream(res: Response, onProgress: (e: ProgressEvent) => void): Promise<string> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let last = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.startsWith('{"progress":')) onProgress((JSON.parse(line) as { progress: ProgressEvent }).progress);
      else if (line.trim()) last = line;
    }
  }
  return last || buffered;
}

/** `base` is empty in the page (same origin); tests in Node give the server's origin. */
export function httpTransport(token: string, base = ''): Transport {
  return async (method: string, body: string, opts?: CallOptions) => {
    const stream = Boolean(opts?.onProgress);
    let res: Response;
    try {
      res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json', 'x-pantau-token': token,
          ...(stream ? { 'x-pantau-stream': '1' } : {}), ...(opts?.lang ? { 'x-pantau-lang': opts.lang } : {}),
        },
        body,
        signal: opts?.signal ?? null,
      });
    } catch (err) {
      if (opts?.signal?.aborted) return failure('CANCELLED', 'Dibatalkan.');
      return failure('INTERNAL', `Server Pantau tidak menjawab: ${String(err)}`);
    }
    // A 400 carries the API's own error envelope (what was wrong with the request): pass it on.
    if (res.status === 400 && res.headers.get('content-type')?.startsWith('application/json')) return await res.text();
    if (!res.ok) return failure(res.status === 401 ? 'BAD_REQUEST' : 'INTERNAL', `${res.status}: ${await res.text()}`);
    try {
      return stream && opts?.onProgress ? await readStream(res, opts.onProgress) : await res.text();
    } catch (err) {
      if (opts?.signal?.aborted) return failure('CANCELLED', 'Dibatalkan.');
      throw err;
    }
  };
}

/** Dropped files are registered here and named in requests by a placeholder the IPC transport swaps back. */
const files = new Map<string, File>();
const PLACEHOLDER = /^pantau-file:\d+$/;

export function registerFile(file: File): string {
  const key = `pantau-file:${files.size + 1}`;
  files.set(key, file);
  return key;
}

function withFiles(value: unknown): unknown {
  if (typeof value === 'string' && PLACEHOLDER.test(value)) return files.get(value) ?? value;
  if (Array.isArray(value)) return value.map(withFiles);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFiles(v)]));
  }
  return value;
}

let callSeq = 0;

/**
 * Electron: the preload hands each File value's path to the main process beside the request (the
 * page never sees it; contract/desktop.ts). A call with progress or a cancel signal gets an id: its
 * progress arrives as 'pantau:progress' DOM events, and aborting the signal sends `desktop.cancel`
 * with that id.
 */
export function ipcTransport(bridge: PantauBridge): Transport {
  return async (method: string, body: string, opts?: CallOptions) => {
    const payload = body.includes('"pantau-file:') ? (withFiles(JSON.parse(body)) as object) : body;
    if (!opts?.onProgress && !opts?.signal) return bridge.invoke(method, payload, undefined, opts?.lang);
    const callId = `c${Date.now().toString(36)}-${++callSeq}`;
    const onProgress = (e: Event) => {
      const detail = (e as CustomEvent<{ callId?: string; progress?: ProgressEvent }>).detail;
      if (detail?.callId === callId && detail.progress) opts.onProgress?.(detail.progress);
    };
    const cancel = () => void bridge.invoke('desktop.cancel', JSON.stringify({ callId }));
    window.addEventListener('pantau:progress', onProgress);
    opts.signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await bridge.invoke(method, payload, callId, opts.lang);
    } finally {
      window.removeEventListener('pantau:progress', onProgress);
      opts.signal?.removeEventListener('abort', cancel);
    }
  };
}

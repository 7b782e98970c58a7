import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createClient, METHODS, type CallOptions, type CoreApi, type MethodName } from '../../../src-main/contract/index.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { httpTransport, ipcTransport, takeToken } from './transport.ts';

interface ApiContextValue {
  api: CoreApi;
  /** Browser mode only: the token for uploads. */
  token: string | null;
  /** The method names this build's core answers (screens hide what is not there). */
  has: (method: string) => boolean;
  mode: 'electron' | 'browser' | 'no-token';
}

const ApiContext = createContext<ApiContextValue | null>(null);

/**
 * The client with the screen's language on every call, so that the texts the core builds (reject
 * reasons, preview problems, warnings, workbooks) follow the language switch, not the core's own.
 */
function inLanguage(api: CoreApi, lang: Lang): CoreApi {
  const client = {} as Record<MethodName, unknown>;
  for (const method of METHODS) {
    const call = api[method] as (req: unknown, opts?: CallOptions) => Promise<unknown>;
    client[method] = (req: unknown, opts?: CallOptions) => call(req, { ...opts, lang });
  }
  return client as unknown as CoreApi;
}

export function ApiProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const connected = useMemo<ApiContextValue>(() => {
    const has = (m: string) => (METHODS as string[]).includes(m);
    if (window.pantau) return { api: createClient(ipcTransport(window.pantau)), token: null, has, mode: 'electron' };
    const token = takeToken();
    return { api: createClient(httpTransport(token ?? '')), token, has, mode: token ? 'browser' : 'no-token' };
  }, []);
  const value = useMemo(() => ({ ...connected, api: inLanguage(connected.api, lang) }), [connected, lang]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}

export function useApi(): CoreApi {
  return useApiContext().api;
}

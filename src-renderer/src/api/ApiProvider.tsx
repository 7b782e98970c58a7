import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createClient, METHODS, type CoreApi } from '../../../src-main/contract/index.ts';
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

export function ApiProvider({ children }: { children: ReactNode }) {
  const value = useMemo<ApiContextValue>(() => {
    const has = (m: string) => (METHODS as string[]).includes(m);
    if (window.pantau) return { api: createClient(ipcTransport(window.pantau)), token: null, has, mode: 'electron' };
    const token = takeToken();
    return { api: createClient(httpTransport(token ?? '')), token, has, mode: token ? 'browser' : 'no-token' };
  }, []);
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

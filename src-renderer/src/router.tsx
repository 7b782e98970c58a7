import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export const PAGES = ['ringkasan', 'impor', 'kepatuhan', 'perbandingan', 'aturan', 'ekspor'] as const;
export type Page = (typeof PAGES)[number];

interface Route {
  page: Page;
  params: Record<string, string>;
  go: (page: Page, params?: Record<string, string>) => void;
}

/** Hash routes ("#/kepatuhan?unit=..."), so the same build works from files in Electron and from the server. */
function parse(hash: string): { page: Page; params: Record<string, string> } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as Page) : 'ringkasan';
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

const RouteContext = createContext<Route | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onHash = () => setState(parse(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((page: Page, params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    window.location.hash = `/${page}${query ? `?${query}` : ''}`;
  }, []);
  const value = useMemo(() => ({ ...state, go }), [state, go]);
  return <RouteContext.Provider value={value}>{children}</RouteContext.Provider>;
}

export function useRoute(): Route {
  const value = useContext(RouteContext);
  if (!value) throw new Error('useRoute outside RouterProvider');
  return value;
}

export function href(page: Page, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../../src-main/contract/index.ts';
import { useDataVersion } from './DataVersion.tsx';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function errorText(err: unknown): string {
  if (err instanceof AppError || err instanceof Error) return err.message;
  return String(err);
}

/**
 * Runs an API read when its inputs change or the workspace data changes; keeps the previous
 * result while the next one loads so screens do not flash empty.
 */
export function useQuery<T>(run: () => Promise<T>, deps: readonly unknown[]): Query<T> {
  const { version } = useDataVersion();
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (err: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error: errorText(err), loading: false })),
    );
    // The caller lists what `run` depends on.
  }, [...deps, version, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

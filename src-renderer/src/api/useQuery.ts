import { useCallback, useEffect, useRef, useState } from 'react';
import { messageIn } from '../../../src-main/contract/index.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { useDataVersion } from './DataVersion.tsx';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** An error for the screen: an AppError carries its text in both languages, so the screen's one is shown. */
export function errorText(err: unknown, lang: Lang): string {
  return messageIn(lang, err);
}

/**
 * Runs an API read when its inputs change, the workspace data changes or the language switches; keeps the previous
 * result while the next one loads so screens do not flash empty.
 */
export function useQuery<T>(run: () => Promise<T>, deps: readonly unknown[]): Query<T> {
  const { version } = useDataVersion();
  const { lang } = useI18n();
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (err: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error: errorText(err, lang), loading: false })),
    );
    // The caller lists what `run` depends on; a language switch reads again, since the core's texts follow it.
  }, [...deps, version, nonce, lang]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

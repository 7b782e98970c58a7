import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface DataVersion {
  /** Bumped after anything that changes the workspace (imports, undo, runs, profiles). */
  version: number;
  changed: () => void;
}

const DataVersionContext = createContext<DataVersion>({ version: 0, changed: () => undefined });

export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const value = useMemo(() => ({ version, changed: () => setVersion((v) => v + 1) }), [version]);
  return <DataVersionContext.Provider value={value}>{children}</DataVersionContext.Provider>;
}

export function useDataVersion(): DataVersion {
  return useContext(DataVersionContext);
}

/** Line icons drawn here (no icon font, nothing fetched). */
const PATHS = {
  overview: 'M3 13h6V3H3v10Zm0 8h6v-6H3v6Zm8 0h10V11H11v10Zm0-18v6h10V3H11Z',
  imports: 'M12 3v12m0 0-4-4m4 4 4-4M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2',
  compliance: 'M9 12l2 2 4-4M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3Z',
  compare: 'M4 20V10m6 10V4m6 16v-7m6 7H2',
  rules: 'M6 3h9l5 5v13H6V3Zm9 0v5h5M9 13h8M9 17h8',
  export: 'M12 21V9m0 0-4 4m4-4 4 4M4 7V5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The app mark: a shield with a check inside a calendar grid, in navy and gold. */
export function Emblem({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <path d="M20 2 35 8v10c0 9.5-6.3 16.6-15 20-8.7-3.4-15-10.5-15-20V8L20 2Z" fill="#c8a23a" />
      <path d="M20 5.5 32 10.3v7.9c0 7.7-5 13.6-12 16.5-7-2.9-12-8.8-12-16.5v-7.9L20 5.5Z" fill="#0f3358" />
      <path d="m14 19.5 4.2 4.2 8-8.5" fill="none" stroke="#fff" strokeWidth="2.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

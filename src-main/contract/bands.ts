/**
 * The compliance target and the colour bands of compliance rates, on the screens and in the
 * workbook alike: green from `target`, yellow from `low`, red below. The regulation sets no figure;
 * 95 % and 85 % are Pantau's choice (docs/decisions.md), kept in this one place.
 */
export const COMPLIANCE_BANDS = { target: 0.95, low: 0.85 } as const;

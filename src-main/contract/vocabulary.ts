/**
 * The canonical attendance values the checks, the comparison, the screens and the workbook read
 * (the import's normalise-sql.ts maps what agencies write onto them). One list each, so "present"
 * or "flexible" cannot mean one thing in a rule and another in a headcount or on the calendar.
 */

/** Statuses of a day at work (docs/rules.md, Terms: hadir, terlambat, pulang cepat). */
export const PRESENT_STATUSES = ['HADIR', 'TERLAMBAT', 'PULANG_CEPAT'] as const;

/** Work modes that are flexibility of location (PermenPANRB 4/2025 Pasal 12 ayat (1)); DL is duty elsewhere, not one. */
export const FLEXIBLE_MODES = ['WFH', 'WFA', 'KANTOR_LAIN'] as const;

/** Unexcused absence: the status DIS-01 counts and JAM-01 counts as a day of zero hours. */
export const UNEXCUSED = 'TANPA_KETERANGAN';

/** Official travel: a mode (and status) never held to office hours. */
export const OFFICIAL_TRAVEL_MODE = 'DL';

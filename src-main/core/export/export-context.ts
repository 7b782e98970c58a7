import type { CompareResult } from '../../contract/compare-types.ts';
import type { EffectiveProfile } from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../import/reasons.ts';
import type { StoredRun } from '../rules/check-run.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import type { Pseudonymizer } from './pseudonym.ts';
import type { Book } from './sheet-kit.ts';

/** What every sheet writer reads: the scope, the stored run it reports and the comparison. */
export interface ExportContext {
  db: Db;
  book: Book;
  kind: 'full' | 'unit';
  agency: string | null;
  unit: string | null;
  run: StoredRun;
  ruleBook: RuleBook;
  compare: CompareResult;
  /** Effective profile per agency in scope (the national one when there is none). */
  profiles: EffectiveProfile[];
  pseudo: Pseudonymizer;
  now: Date;
  lang: Lang;
  version: string;
  maxRowsPerSheet: number;
  /** Called after each streamed chunk with the rows so far: reports progress, throws to cancel. */
  tick: (rows: number) => Promise<void>;
}

/** Binds the scope for export-sql.ts statements. */
export function scopeParams(ctx: ExportContext): { run: string; agency: string | null; unit: string | null; from: string; to: string; salt: string | null } {
  return {
    run: ctx.run.run, agency: ctx.agency, unit: ctx.unit,
    from: ctx.run.from ?? '1900-01-01', to: ctx.run.to ?? '1900-01-01', salt: ctx.pseudo.orderSalt,
  };
}

export function agencyName(ctx: ExportContext, agency: string | null): string {
  if (agency === null) return 'Semua instansi';
  return ctx.profiles.find((p) => p.agency === agency)?.name ?? agency;
}

/** "01/09/2025" — how an Indonesian report writes a date in running text. */
export function tanggal(iso: string | null): string {
  if (iso === null) return '-';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function isoDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

/** Monday of an ISO week written 2025-W37. */
export function weekMonday(week: string): Date {
  const year = Number(week.slice(0, 4));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (Number(week.slice(6)) - 1) * 7);
  return monday;
}

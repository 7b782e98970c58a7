import type { CompareResult } from '../../contract/compare-types.ts';
import type { Formatter } from '../../contract/format.ts';
import type { EffectiveProfile } from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../import/reasons.ts';
import type { StoredRun } from '../rules/check-run.ts';
import { SHEET_NAMES, type SheetId } from '../../contract/workbook.ts';
import type { RuleBook } from '../rules/rule-book.ts';
import type { Pseudonymizer } from './pseudonym.ts';
import { periodText, pick } from './report-text.ts';
import type { Book, Letterhead } from './sheet-kit.ts';

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
  /** Every number, date, week and difference the workbook writes inside a text (contract/format.ts). */
  fmt: Formatter;
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

/** A label in the workbook's language: Bahasa Indonesia, or English when exported in English. */
export function say(ctx: { lang: Lang }, id: string, en: string): string {
  return ctx.lang === 'en' ? en : id;
}

export function sheetName(ctx: { lang: Lang }, sheet: SheetId): string {
  return pick(ctx.lang, SHEET_NAMES[sheet]);
}


/** The agency's name from its profile (its code when the profile names none); "Semua instansi" for all. */
export function agencyName(ctx: ExportContext, agency: string | null): string {
  if (agency === null) return say(ctx, 'Semua instansi', 'All agencies');
  return ctx.profiles.find((p) => p.agency === agency)?.name ?? agency;
}

/** The report's title: the full workbook or one unit's report. */
export function reportTitle(ctx: ExportContext): string {
  return ctx.kind === 'unit'
    ? say(ctx, 'Laporan Unit Kerja: Pemantauan Fleksibilitas Kerja ASN', 'Work Unit Report: Monitoring Flexible Work of Civil Servants')
    : say(ctx, 'Laporan Pemantauan Fleksibilitas Kerja ASN', 'Report on Monitoring Flexible Work of Civil Servants');
}

/**
 * The letterhead every sheet begins with: agency (its name, with its code when they differ), unit,
 * the report's title, the sheet's own title and the period.
 */
export function letterhead(ctx: ExportContext, subtitle: string): Letterhead {
  const name = agencyName(ctx, ctx.agency);
  return {
    agency: ctx.agency !== null && name !== ctx.agency ? `${name} (${ctx.agency})` : name,
    unit: ctx.unit ? `${say(ctx, 'Unit kerja', 'Work unit')}: ${ctx.unit}` : null,
    title: reportTitle(ctx),
    subtitle,
    period: `${say(ctx, 'Periode', 'Period')}: ${periodText(ctx.run.from, ctx.run.to, ctx.lang)}`,
  };
}

export function isoDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}

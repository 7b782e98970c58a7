import { Option } from 'commander';
import { isIsoDate } from '../../contract/dates.ts';
import { formatter } from '../../contract/format.ts';
import { IMPORT_KINDS, type ImportKind } from '../../contract/import-types.ts';
import { CODE_LABELS, fieldLabel, kindLabel } from '../../contract/labels.ts';
import { yesNo } from '../../contract/param-words.ts';
import type { CanonicalRecord, RecordsFilter, RecordValue } from '../../contract/records-types.ts';
import { checkRecordsFilter } from '../../core/records/records-sql.ts';
import type { RecordsSink } from '../../core/records/records.ts';
import { langOf, reportFailure, t, withApi, type CliContext, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { BOM, csvLine } from '../csv.ts';
import { usage } from '../usage.ts';
import { asUsage, checkDateOptions, withCommonOptions } from './common.ts';

interface RecordsOptions extends GlobalOptions {
  kind: ImportKind;
  agency?: string;
  nip?: string;
  from?: string;
  to?: string;
  csv?: boolean;
}

/** The output, written chunk by chunk as the core streams: no form holds all the records at once. */
interface Writer extends RecordsSink {
  end(count: number): void;
}

/** One JSON document, a record per line: `{"kind": ..., "records": [` ... `]}`. */
function jsonWriter(ctx: CliContext, kind: ImportKind): Writer {
  let pending: string | null = null;
  return {
    begin: () => ctx.out(`{"kind":${JSON.stringify(kind)},"records":[`),
    records(json) {
      const lines: string[] = [];
      for (const record of json) {
        if (pending !== null) lines.push(`${pending},`);
        pending = `  ${record}`;
      }
      if (lines.length) ctx.out(lines.join('\n'));
    },
    end() {
      if (pending !== null) ctx.out(pending);
      ctx.out(']}');
    },
  };
}

function rowsOf(json: string[], fields: string[]): RecordValue[][] {
  return json.map((text) => {
    const record = JSON.parse(text) as CanonicalRecord;
    return fields.map((f) => record[f] ?? null);
  });
}

function csvWriter(ctx: CliContext): Writer {
  let fields: string[] = [];
  return {
    begin(names) {
      fields = names;
      ctx.out(BOM + csvLine(fields));
    },
    records: (json) => ctx.out(rowsOf(json, fields).map(csvLine).join('\n')),
    end: () => undefined,
  };
}

/** Fields whose values are codes (HADIR, WFH, APPROVED): shown by their label. */
const CODED = new Set(['status', 'mode', 'serviceType', 'discipline', 'kind', 'dayType', 'verified']);
/** The record's source, beside the data's own fields. */
const SOURCE_LABELS: Record<string, readonly [string, string]> = { batch: ['Impor', 'Import'], row: ['Baris', 'Row'] };

function humanValue(field: string, v: RecordValue, lang: Lang): string {
  const f = formatter(lang);
  if (v === null || v === '') return '–';
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'number') return Number.isInteger(v) ? f.int(v) : f.decimal(v, 2);
  if (CODED.has(field) && v in CODE_LABELS) return CODE_LABELS[v]![lang === 'en' ? 1 : 0];
  if (isIsoDate(v)) return f.date(v);
  return v;
}

function heading(field: string, lang: Lang): string {
  const source = SOURCE_LABELS[field];
  return source ? source[lang === 'en' ? 1 : 0] : fieldLabel(field, lang);
}

function humanWriter(ctx: CliContext, kind: ImportKind, lang: Lang): Writer {
  let fields: string[] = [];
  const what = kindLabel(kind, lang);
  return {
    begin(names) {
      fields = names;
      ctx.out(fields.map((x) => heading(x, lang)).join('  '));
    },
    records: (json) => ctx.out(rowsOf(json, fields).map((row) => row.map((v, i) => humanValue(fields[i]!, v, lang)).join('  ')).join('\n')),
    end(count) {
      const n = formatter(lang).int(count);
      ctx.out(count === 0 ? t(lang, `Tidak ada catatan ${what} yang cocok.`, `No matching records of ${what}.`)
        : t(lang, `${n} catatan ${what}.`, `${n} record${count === 1 ? '' : 's'} of ${what}.`));
    },
  };
}

function writerFor(ctx: CliContext, opts: RecordsOptions): Writer {
  if (opts.json) return jsonWriter(ctx, opts.kind);
  if (opts.csv) return csvWriter(ctx);
  return humanWriter(ctx, opts.kind, langOf(opts));
}

export const recordsCommand: CommandModule = (program, ctx, lang) => {
  withCommonOptions(program.command('records'), lang)
    .description(t(lang, 'catatan satu jenis data, sebagaimana tersimpan', 'the stored records of one kind of data'))
    .addOption(new Option(`--kind <${t(lang, 'jenis', 'kind')}>`, t(lang, 'jenis data', 'kind of data')).choices(IMPORT_KINDS).makeOptionMandatory())
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'hanya satu instansi', 'one agency only'))
    .option('--nip <nip>', t(lang, 'hanya satu pegawai', 'one employee only'))
    .option(`--from <${t(lang, 'tanggal', 'date')}>`, t(lang, 'tanggal atau periode catatan sejak (YYYY-MM-DD)', 'records dated or in a period from (YYYY-MM-DD)'))
    .option(`--to <${t(lang, 'tanggal', 'date')}>`, t(lang, 'tanggal atau periode catatan sampai (YYYY-MM-DD)', 'records dated or in a period up to (YYYY-MM-DD)'))
    .option('--csv', t(lang, 'cetak CSV (UTF-8 dengan BOM, untuk Excel)', 'print CSV (UTF-8 with a BOM, for Excel)'))
    .action(async (opts: RecordsOptions, cmd) => {
      const lang = langOf(opts);
      if (opts.json && opts.csv) usage(cmd, t(lang, 'Pilih salah satu: --json atau --csv.', 'Choose one of --json and --csv.'));
      checkDateOptions(cmd, opts, lang);
      const filter: RecordsFilter = { kind: opts.kind, agency: opts.agency, nip: opts.nip, from: opts.from, to: opts.to };
      asUsage(cmd, lang, () => checkRecordsFilter(filter));
      const writer = writerFor(ctx, opts);
      let started = false;
      const sink: RecordsSink = {
        begin(fields) {
          started = true;
          writer.begin(fields);
        },
        records: (json) => writer.records(json),
      };
      try {
        const { count } = await withApi(opts, (_api, core) => core.streamRecords(filter, sink, { signal: ctx.signal }));
        writer.end(count);
      } catch (err) {
        // Once records are out, a JSON error document would follow a half-written one: the message goes to stderr only.
        reportFailure(ctx, started ? { ...opts, json: false } : opts, err);
      }
    });
};

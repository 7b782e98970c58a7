import { Option } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../../contract/import-types.ts';
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

function humanValue(v: RecordValue, lang: Lang): string {
  if (v === null || v === '') return '-';
  if (typeof v === 'boolean') return v ? t(lang, 'ya', 'yes') : t(lang, 'tidak', 'no');
  return String(v);
}

function humanWriter(ctx: CliContext, kind: ImportKind, lang: Lang): Writer {
  let fields: string[] = [];
  return {
    begin(names) {
      fields = names;
      ctx.out(fields.join('  '));
    },
    records: (json) => ctx.out(rowsOf(json, fields).map((row) => row.map((v) => humanValue(v, lang)).join('  ')).join('\n')),
    end(count) {
      ctx.out(count === 0 ? t(lang, `Tidak ada catatan ${kind} yang cocok.`, `No matching ${kind} records.`)
        : t(lang, `${count} catatan ${kind}.`, `${count} ${kind} record${count === 1 ? '' : 's'}.`));
    },
  };
}

function writerFor(ctx: CliContext, opts: RecordsOptions): Writer {
  if (opts.json) return jsonWriter(ctx, opts.kind);
  if (opts.csv) return csvWriter(ctx);
  return humanWriter(ctx, opts.kind, langOf(opts));
}

export const recordsCommand: CommandModule = (program, ctx) => {
  withCommonOptions(program.command('records'))
    .description('catatan kanonis satu jenis data, sebagaimana tersimpan')
    .addOption(new Option('--kind <kind>', 'jenis data').choices(IMPORT_KINDS).makeOptionMandatory())
    .option('--agency <code>', 'hanya satu instansi')
    .option('--nip <nip>', 'hanya satu pegawai')
    .option('--from <date>', 'tanggal atau periode catatan sejak (YYYY-MM-DD)')
    .option('--to <date>', 'tanggal atau periode catatan sampai (YYYY-MM-DD)')
    .option('--csv', 'cetak CSV (UTF-8 dengan BOM, untuk Excel)')
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

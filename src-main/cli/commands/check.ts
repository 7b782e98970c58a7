import type { CoreApi } from '../../contract/api.ts';
import { formatter } from '../../contract/format.ts';
import { profileVersionWords } from '../../contract/param-words.ts';
import { NOTE_KINDS, RUN_FINDINGS_PAGE_MAX, type ComplianceRow, type Finding, type NoteKind, type Ratio, type RunChecksResult } from '../../contract/rules-types.ts';
import { langOf, reportFailure, t, withApi, type CliContext, type CommandModule, type GlobalOptions, type Lang } from '../context.ts';
import { printJson } from '../output.ts';
import { checkDateOptions, withCommonOptions } from './common.ts';

interface CheckOptions extends GlobalOptions {
  agency?: string;
  from?: string;
  to?: string;
}

/** Where the findings and notes are read from: the core itself, so they never pass through the wire codec. */
export type FindingPages = Pick<CoreApi, 'runFindings' | 'runNotes'>;

/**
 * Every finding of a run (or every one it resolved), a page at a time: the check's answer holds
 * only the first ones, and 124,000 of them are never held at once.
 */
async function* findingPages(core: FindingPages, run: string, resolved: boolean, pageSize: number): AsyncGenerator<Finding[]> {
  for (let offset = 0; ; offset += pageSize) {
    const { findings } = await core.runFindings({ run, resolved, offset, limit: pageSize });
    yield findings;
    if (findings.length < pageSize) return;
  }
}

/** Every note of one kind of a run, a page at a time. */
async function* notePages(core: FindingPages, run: string, note: NoteKind, pageSize: number): AsyncGenerator<unknown[]> {
  for (let offset = 0; ; offset += pageSize) {
    const notes = (await core.runNotes({ run, note, offset, limit: pageSize }))[note] ?? [];
    yield notes;
    if (notes.length < pageSize) return;
  }
}

/**
 * `check --json`: the document toJson printed for the whole result before the answer was bounded
 * (issue 20), `findings`, `resolved` and the data-quality notes streamed from the run's pages in
 * their places (cli.md: the full lists). The answer's counts are not part of it: the lists are whole.
 */
export async function printCheckJson(out: (text: string) => void, core: FindingPages, result: RunChecksResult, pageSize = RUN_FINDINGS_PAGE_MAX): Promise<void> {
  const { run, profileVersion, from, to, weeksFrom, weeksTo, findings: _first, resolved: _firstResolved, findingsTotal: _total,
    newFindings: _new, resolvedTotal: _resolved, dataQuality: _notes, ...figures } = result;
  await printJson(out, (list) => ({
    run, profileVersion, from, to, weeksFrom, weeksTo,
    findings: list(findingPages(core, run, false, pageSize)),
    resolved: list(findingPages(core, run, true, pageSize)),
    ...figures,
    dataQuality: Object.fromEntries(NOTE_KINDS.map((note) => [note, list(notePages(core, run, note, pageSize))])),
  }));
}

/** compliant / observed with one decimal (docs/rules.md, Compliance), and the counts it comes from. */
function ratioLine(who: string, r: Ratio, lang: Lang): string {
  const f = formatter(lang);
  return `  ${who}: ${f.pct(r.rate)} (${f.ratio(r.compliantEmployeeWeeks, r.employeeWeeks)} ${t(lang, 'pegawai-minggu', 'employee-weeks')})`;
}

function complianceLine(r: ComplianceRow, lang: Lang): string {
  return ratioLine(r.agency === null ? t(lang, 'SELURUH DATA', 'ALL DATA') : `${r.agency} — ${r.unit ?? t(lang, '(semua unit)', '(all units)')}`, r, lang);
}

/** The human report: the run and its counts, every finding's line streamed from the pages, then compliance. */
export async function printCheckText(out: (text: string) => void, core: FindingPages, r: RunChecksResult, lang: Lang, pageSize = RUN_FINDINGS_PAGE_MAX): Promise<void> {
  const f = formatter(lang);
  const dates = r.from && r.to ? f.range(r.from, r.to) : '–';
  const open = f.int(r.findingsTotal);
  const fresh = f.int(r.newFindings);
  out(t(lang, `Pemeriksaan ${r.run}: ${dates}, profil ${profileVersionWords(r.profileVersion, lang)}`,
    `Check run ${r.run}: ${dates}, profile ${profileVersionWords(r.profileVersion, lang)}`));
  out(t(lang, `${open} temuan (${fresh} baru), ${f.int(r.resolvedTotal)} selesai sejak pemeriksaan sebelumnya`,
    `${open} findings (${fresh} new), ${f.int(r.resolvedTotal)} resolved since the previous run`));
  for await (const page of findingPages(core, r.run, false, pageSize)) {
    if (!page.length) continue;
    out(page.map((x) => `  ${x.rule} ${f.period(x.period)} ${x.nip} ${x.name ?? ''} (${x.agency ?? '–'}, ${x.unit ?? '–'}): ${x.detail} [${x.basis}]`).join('\n'));
  }
  out(t(lang, 'Kepatuhan:', 'Compliance:'));
  for (const c of r.compliance) out(complianceLine(c, lang));
  if (r.complianceByRegion.some((g) => g.province !== null)) {
    out(t(lang, 'Kepatuhan per provinsi:', 'Compliance per province:'));
    for (const g of r.complianceByRegion) out(ratioLine(g.province ?? t(lang, '(provinsi tidak diketahui)', '(province unknown)'), g, lang));
  }
}

export const checkCommand: CommandModule = (program, ctx: CliContext, lang) => {
  withCommonOptions(program.command('check'), lang)
    .description(t(lang, 'jalankan pemeriksaan aturan dan hitung kepatuhan', 'run the rule checks and compute compliance'))
    .option(`--agency <${t(lang, 'kode', 'code')}>`, t(lang, 'hanya satu instansi', 'one agency only'))
    .option(`--from <${t(lang, 'tanggal', 'date')}>`, t(lang, 'dari tanggal (YYYY-MM-DD; bawaan: data paling awal)', 'from this date (YYYY-MM-DD; default: the earliest data)'))
    .option(`--to <${t(lang, 'tanggal', 'date')}>`, t(lang, 'sampai tanggal (YYYY-MM-DD; bawaan: data paling akhir)', 'up to this date (YYYY-MM-DD; default: the latest data)'))
    .action(async (opts: CheckOptions, cmd) => {
      const lang = langOf(opts);
      checkDateOptions(cmd, opts, lang);
      let started = false;
      const out = (text: string) => {
        started = true;
        ctx.out(text);
      };
      try {
        await withApi(opts, async (api, core) => {
          const result = await api.runChecks({ agency: opts.agency, from: opts.from, to: opts.to });
          await (opts.json ? printCheckJson(out, core, result) : printCheckText(out, core, result, lang));
        }, ctx.signal);
      } catch (err) {
        // Once the document has begun, a JSON error document would follow a half-written one: the message goes to stderr only.
        reportFailure(ctx, started ? { ...opts, json: false } : opts, err);
      }
    });
};

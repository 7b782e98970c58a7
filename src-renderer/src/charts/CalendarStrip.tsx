import type { EmployeeDay, EmployeeFinding } from '../../../src-main/contract/index.ts';
import { FLEXIBLE_MODES, PRESENT_STATUSES } from '../../../src-main/contract/vocabulary.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n.tsx';

const FLEX = new Set<string>(FLEXIBLE_MODES);
const LEAVE = new Set(['IZIN', 'SAKIT', 'CUTI', 'TUGAS_BELAJAR']);

const DAY_MS = 86_400_000;
const spanDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;

/** The Monday of an ISO date's week, as an ISO date. */
function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function kindOf(d: EmployeeDay): string {
  if (d.status === 'TANPA_KETERANGAN') return 'absent';
  if (d.status && LEAVE.has(d.status)) return 'leave';
  if (d.mode && FLEX.has(d.mode) && d.status !== 'LIBUR') return 'flex';
  if (d.weekend || d.dayType === 'HOLIDAY' || d.status === 'LIBUR' || !d.status) return 'off';
  return 'office';
}

function dayText(d: EmployeeDay, t: Translate): { main: string; sub: string; note: string } {
  if (!d.status) return { main: d.holidayName ?? '', sub: '', note: '' };
  const status = t(`attStatus.${d.status}` as MessageKey);
  const present = (PRESENT_STATUSES as readonly string[]).includes(d.status);
  const mode = present && d.mode ? t(`mode.${d.mode}` as MessageKey) : null;
  const times = d.checkIn || d.checkOut ? `${d.checkIn ?? '–'} – ${d.checkOut ?? '–'}` : '';
  return { main: mode ?? status, sub: times, note: mode && d.status !== 'HADIR' ? status : (d.holidayName ?? '') };
}

/** One employee's days, a row per ISO week (Monday–Sunday); days and weeks with findings are outlined in red. */
export function CalendarStrip(props: { days: EmployeeDay[]; findings: EmployeeFinding[] }) {
  const { t, fmt } = useI18n();
  const open = props.findings.filter((f) => f.status !== 'resolved');
  // A day finding outlines its day, a week finding its week (keyed by Monday); a year's stays in the list below.
  const byDay = new Map<string, EmployeeFinding[]>();
  const byWeek = new Map<string, EmployeeFinding[]>();
  for (const f of open) {
    const target = f.periodStart === f.periodEnd ? byDay : spanDays(f.periodStart, f.periodEnd) === 7 ? byWeek : null;
    target?.set(f.periodStart, [...(target.get(f.periodStart) ?? []), f]);
  }
  const weeks = new Map<string, EmployeeDay[]>();
  for (const d of props.days) weeks.set(d.week, [...(weeks.get(d.week) ?? []), d]);
  // Any Monday to Sunday, for the weekday names.
  const dows = ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-05', '2025-09-06', '2025-09-07'];
  return (
    <div>
      <div className="legend" style={{ marginBottom: 8 }} aria-hidden="true">
        <span><span className="swatch" style={{ background: '#e8f0fa', border: '1px solid #b9cde6' }} />{t('mode.WFH')} / {t('mode.WFA')}</span>
        <span><span className="swatch" style={{ background: '#f1ecf8', border: '1px solid #d8cceb' }} />{t('legend.leave')}</span>
        <span><span className="swatch" style={{ background: '#fbe5e3', border: '1px solid #efb9b4' }} />{t('legend.absent')}</span>
        <span><span className="swatch" style={{ background: '#f5f6f8', border: '1px solid #d9e0e7' }} />{t('legend.holiday')}</span>
        <span><span className="swatch" style={{ background: '#fff', boxShadow: 'inset 0 0 0 2px #b3261e' }} />{t('legend.finding')}</span>
      </div>
      <div className="cal-scroll" tabIndex={0} role="region" aria-label={t('emp.calendar')}>
        <div className="cal" aria-hidden="true">
          {dows.map((d) => <div key={d} className="cal-dow">{fmt.weekday(d)}</div>)}
        </div>
        <ol className="cal-weeks" aria-label={t('emp.calendar')}>
          {[...weeks.entries()].map(([week, days]) => {
            const wf = byWeek.get(mondayOf(days[0]!.date)) ?? [];
            return (
              <li key={week} className={`cal-weekrow ${wf.length ? 'has-finding' : ''}`}>
                <div className={`cal-week ${wf.length ? 'has-finding' : ''}`}>
                  <span>{fmt.week(week)}</span>
                  {wf.length > 0 && <span className="cal-wf">{wf.map((f) => `${f.rule}: ${f.detail}`).join(' · ')}</span>}
                </div>
                <ol className="cal">
                  {padStart(days).map((d, i) => d ? <Day key={d.date} d={d} findings={byDay.get(d.date) ?? []} /> : <li key={`pad-${i}`} />)}
                </ol>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

/** A week cut by the range starts on its own weekday. */
function padStart(days: EmployeeDay[]): (EmployeeDay | null)[] {
  const first = days[0];
  if (!first) return [];
  const dow = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return [...Array<null>(dow).fill(null), ...days];
}

function Day({ d, findings }: { d: EmployeeDay; findings: EmployeeFinding[] }) {
  const { t, fmt } = useI18n();
  const { main, sub, note } = dayText(d, t);
  const label = [fmt.longDate(d.date), main, sub, note, ...findings.map((f) => `${f.rule}: ${f.detail}`)].filter(Boolean).join('. ');
  return (
    <li className={`cal-day ${kindOf(d)} ${findings.length ? 'finding' : ''}`} title={label} aria-label={label}>
      <div className="d"><span>{fmt.dayMonth(d.date)}</span>{findings.length > 0 && <span className="cal-flag">{findings.map((f) => f.rule).join(' ')}</span>}</div>
      <div className={`cal-mode ${kindOf(d) === 'office' ? 'office' : ''}`}>{main}</div>
      <div className="num">{sub}</div>
      {note && <div className="muted">{note}</div>}
    </li>
  );
}

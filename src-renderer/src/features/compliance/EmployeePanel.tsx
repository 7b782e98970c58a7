import type { RuleInfo } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { CalendarStrip } from '../../charts/CalendarStrip.tsx';
import { Card } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { StatusBadge } from './FindingsCard.tsx';

/** One employee: who they are, their days on a calendar strip (mode, times, findings), and their findings. */
export function EmployeePanel(props: { nip: string; rules: RuleInfo[] }) {
  const { t, pick, fmt } = useI18n();
  const api = useApi();
  const q = useQuery(() => api.employeeDays({ nip: props.nip }), [props.nip]);
  const e = q.data;
  const titles = new Map(props.rules.map((r) => [r.id, pick(r.title)]));
  if (q.error) return <Card title={props.nip}><p role="alert">{q.error}</p></Card>;
  if (!e) return <Card title={props.nip}><p className="muted">{t('common.loading')}</p></Card>;
  const discipline = e.flags?.discipline && e.flags.discipline !== 'NONE' ? e.flags.discipline : null;
  return (
    <Card id="employee" title={t('emp.title', { name: e.name ?? e.nip })} desc={`${e.nip} · ${e.from && e.to ? fmt.range(e.from, e.to) : '–'}`}>
      <dl className="dl" style={{ marginBottom: 12 }}>
        <dt>{t('emp.unit')}</dt><dd>{e.unit ?? t('common.unknownUnit')} <span className="muted">— {e.agency}</span></dd>
        {e.position && <><dt>{t('emp.position')}</dt><dd>{e.position}</dd></>}
        {!e.flags && <><dt /><dd className="muted">{t('emp.notInRoster')}</dd></>}
        {e.flags && (e.flags.fieldDuty || e.flags.specialCondition || discipline) && (
          <>
            <dt />
            <dd className="actions">
              {e.flags.fieldDuty && <span className="badge badge-muted">{t('emp.fieldDuty')}</span>}
              {e.flags.specialCondition && <span className="badge badge-muted">{t('emp.special')}</span>}
              {discipline && <span className="badge badge-new">{t('emp.discipline', { d: t(`discipline.${discipline}` as MessageKey) })}</span>}
            </dd>
          </>
        )}
      </dl>
      <h3 style={{ marginBottom: 6 }}>{t('emp.calendar')}</h3>
      <CalendarStrip days={e.days} findings={e.findings} />
      <h3 style={{ margin: '14px 0 6px' }}>{t('emp.findings')}</h3>
      {e.findings.length === 0 ? <p className="muted">{t('emp.noFindings')}</p> : (
        <table className="data">
          <thead><tr><th scope="col">{t('col.status')}</th><th scope="col">{t('col.rule')}</th><th scope="col">{t('col.period')}</th><th scope="col">{t('col.detail')}</th><th scope="col">{t('col.basis')}</th></tr></thead>
          <tbody>
            {e.findings.map((f) => (
              <tr key={`${f.rule}-${f.period}-${f.status}`}>
                <td><StatusBadge status={f.status} t={t} /></td>
                <td title={titles.get(f.rule)}><span className="rule-chip">{f.rule}</span></td>
                <td>{fmt.period(f.period)}</td><td>{f.detail}</td><td>{f.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

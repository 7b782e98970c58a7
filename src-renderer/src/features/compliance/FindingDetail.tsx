import type { RuleInfo } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge, type FindingRow } from './FindingsCard.tsx';

/** One finding in full: what was broken, the figures, the legal basis, and the source files and rows. */
export function FindingDetail(props: { finding: FindingRow; rules: RuleInfo[]; onEmployee: (nip: string) => void; onClose: () => void }) {
  const { t, pick, fmt } = useI18n();
  const api = useApi();
  const imports = useQuery(() => api.listImports({ includeUndone: true }), []);
  const files = new Map((imports.data?.batches ?? []).map((b) => [b.batch, b.file]));
  const f = props.finding;
  const rule = props.rules.find((r) => r.id === f.rule);
  const sources = f.sources.split(', ').filter(Boolean).map((s) => {
    const [batch = '', row = ''] = s.split(':');
    return t('finding.source', { file: files.get(batch) ?? batch, batch, row });
  });
  return (
    <section className="finding-detail" aria-labelledby="finding-detail-title">
      <div className="toolbar">
        <h3 id="finding-detail-title"><span className="rule-chip">{f.rule}</span> {rule ? pick(rule.title) : ''} <StatusBadge status={f.status} t={t} /></h3>
        <button type="button" className="btn btn-sm" onClick={props.onClose}>{t('common.close')}</button>
      </div>
      <dl className="dl">
        <dt>{t('col.detail')}</dt><dd>{f.detail}</dd>
        <dt>{t('col.name')}</dt>
        <dd><button type="button" className="linklike" onClick={() => props.onEmployee(f.nip)}>{f.name || f.nip}</button> <span className="muted num">{f.nip}</span></dd>
        <dt>{t('col.unit')}</dt><dd>{f.unit} <span className="muted">— {f.agency}</span></dd>
        <dt>{t('col.period')}</dt><dd className="num">{fmt.period(f.period)}</dd>
        <dt>{t('col.basis')}</dt><dd>{f.basis}{rule ? <div className="muted">{pick(rule.explanation)}</div> : null}</dd>
        <dt>{t('col.sources')}</dt><dd>{sources.join('; ')}</dd>
      </dl>
    </section>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FindingsRequest, FindingStatus, RuleInfo, ViewFilter } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { arrowRows } from '../../api/arrow.ts';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { DownloadTable } from '../../components/DownloadTable.tsx';
import { Card, Segmented } from '../../components/ui.tsx';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import type { Formatter } from '../../../../src-main/contract/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { FindingDetail } from './FindingDetail.tsx';

export interface FindingRow {
  rule: string;
  nip: string;
  name: string;
  agency: string;
  unit: string;
  period: string;
  detail: string;
  basis: string;
  status: FindingStatus;
  sources: string;
}

type Sort = NonNullable<FindingsRequest['sort']>;

export function StatusBadge({ status, t }: { status: FindingStatus; t: Translate }) {
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

function columns(t: Translate, fmt: Formatter): Column<FindingRow>[] {
  return [
    { key: 'status', label: t('col.status'), width: '92px', render: (r) => <StatusBadge status={r.status} t={t} /> },
    { key: 'rule', label: t('col.rule'), width: '70px', render: (r) => <span className="rule-chip">{r.rule}</span> },
    { key: 'nip', label: t('col.nip'), width: '158px', render: (r) => <span className="num">{r.nip}</span> },
    { key: 'name', label: t('col.name'), width: 'minmax(120px, 0.9fr)', render: (r) => r.name, title: (r) => r.name },
    { key: 'unit', label: t('col.unit'), width: 'minmax(120px, 1fr)', render: (r) => r.unit, title: (r) => `${r.unit} — ${r.agency}` },
    { key: 'period', label: t('col.period'), width: '180px', render: (r) => <span className="num">{fmt.period(r.period)}</span> },
    { key: 'detail', label: t('col.detail'), width: 'minmax(200px, 1.6fr)', render: (r) => r.detail, title: (r) => `${r.detail} — ${r.basis}` },
  ];
}

/** Every finding of the run in the filter, scrolled a page at a time; Enter or a click shows it in full. */
export function FindingsCard(props: { filter: ViewFilter; rules: RuleInfo[]; onEmployee: (nip: string) => void }) {
  const { t, fmt, lang } = useI18n();
  const { version } = useDataVersion();
  const api = useApi();
  const [status, setStatus] = useState<FindingStatus | ''>('');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('agency');
  /** The finding shown in full, with its place in the list. */
  const [selected, setSelected] = useState<{ row: FindingRow; index: number } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);
  const request = useMemo<FindingsRequest>(() => ({
    ...props.filter, ...(status ? { status } : {}), ...(search ? { search } : {}), sort,
  }), [props.filter, status, search, sort]);
  const key = JSON.stringify(request);
  const head = useQuery(() => api.findings({ ...request, limit: 1 }), [key]);
  const loadPage = useCallback(
    async (offset: number, limit: number) => arrowRows<FindingRow>((await api.findings({ ...request, offset, limit })).rows),
    [api, request],
  );
  useEffect(() => setSelected(null), [key, version]);
  // A switch of language reads the finding shown again, from the same place in the same list; the
  // answer is dropped when another finding was opened, or this one closed, meanwhile.
  useEffect(() => {
    if (!selected) return;
    const { index } = selected;
    let live = true;
    const settle = (row: FindingRow | undefined) => live && setSelected((s) => (s?.index === index ? (row ? { row, index } : null) : s));
    loadPage(index, 1).then(([row]) => settle(row), () => settle(undefined));
    return () => {
      live = false;
    };
  }, [lang]);
  const counts = head.data?.counts;
  const total = head.data?.total ?? 0;
  const all = counts ? counts.new + counts.open + counts.resolved : 0;
  return (
    <Card id="findings" title={t('findings.title')} desc={t('findings.count', { n: fmt.int(total) })} flush>
      <div className="toolbar" style={{ padding: '0 16px 10px' }}>
        <Segmented label={t('findings.statusFilter')} value={status} onChange={setStatus} options={[
          { value: '', label: `${t('status.all')} (${fmt.int(all)})` },
          { value: 'new', label: `${t('status.new')} (${fmt.int(counts?.new ?? 0)})` },
          { value: 'open', label: `${t('status.open')} (${fmt.int(counts?.open ?? 0)})` },
          { value: 'resolved', label: `${t('status.resolved')} (${fmt.int(counts?.resolved ?? 0)})` },
        ]} />
        <div className="actions">
          <label className="inline-field">
            <span>{t('findings.sortBy')}</span>
            <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              {(['agency', 'unit', 'rule', 'nip', 'name', 'period', 'status'] as const).map((s) => (
                <option key={s} value={s}>{t(`col.${s}`)}</option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span className="sr-only">{t('findings.search')}</span>
            <input type="search" placeholder={t('findings.search')} value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          </label>
          <DownloadTable title={t('findings.title')} write={(api, out) => api.exportTable({ table: 'findings', filter: request, out })} />
        </div>
      </div>
      {head.error && <p role="alert" style={{ padding: '0 16px' }}>{head.error}</p>}
      {total === 0 && !head.loading ? <p className="muted" style={{ padding: '8px 16px 16px' }}>{t('findings.empty')}</p> : (
        <VirtualTable<FindingRow>
          total={total}
          columns={columns(t, fmt)}
          loadPage={loadPage}
          resetKey={key}
          label={t('findings.tableLabel', { n: fmt.int(total) })}
          height={340}
          onActivate={(row, index) => setSelected({ row, index })}
          printable
          footer={<><span>{t('findings.count', { n: fmt.int(total) })}</span><span>{t('findings.hint')}</span></>}
        />
      )}
      {selected && <FindingDetail finding={selected.row} rules={props.rules} onEmployee={props.onEmployee} onClose={() => setSelected(null)} />}
    </Card>
  );
}

import { useCallback } from 'react';
import type { ViewFilter } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { arrowRows } from '../../api/arrow.ts';
import { useQuery } from '../../api/useQuery.ts';
import { bandOf } from '../../charts/bands.ts';
import { DownloadTable } from '../../components/DownloadTable.tsx';
import { Card } from '../../components/ui.tsx';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface EmployeeRow {
  nip: string;
  name: string | null;
  employeeWeeks: number;
  compliant: number;
  rate: number | null;
  flexDays: number;
  findings: number;
}

/** The employees of one unit, lowest compliance first; choosing one opens their days. */
export function UnitEmployees(props: { filter: ViewFilter & { agency: string; unit: string }; selected: string; onSelect: (nip: string) => void }) {
  const { t, fmt } = useI18n();
  const api = useApi();
  const key = JSON.stringify(props.filter);
  const head = useQuery(() => api.unitEmployees({ ...props.filter, limit: 1 }), [key]);
  const total = head.data?.total ?? 0;
  const loadPage = useCallback(
    async (offset: number, limit: number) => arrowRows<EmployeeRow>((await api.unitEmployees({ ...props.filter, offset, limit })).rows),
    // The filter as its key: a new object with the same filter is the same list.
    [api, key],
  );
  const columns: Column<EmployeeRow>[] = [
    { key: 'name', label: t('col.name'), width: 'minmax(100px, 1fr)', render: (r) => (
      <span style={{ fontWeight: r.nip === props.selected ? 700 : undefined }}>{r.name ?? r.nip}</span>
    ), title: (r) => `${r.name ?? ''} ${r.nip}` },
    { key: 'nip', label: t('col.nip'), width: '162px', render: (r) => <span className="num">{r.nip}</span> },
    { key: 'rate', label: t('col.rate'), width: '82px', render: (r) => (
      <span className={`num rate-${bandOf(r.rate) ?? 'none'}`}>{fmt.pct(r.rate)}</span>
    ), title: (r) => t('kpi.complianceHint', { ok: fmt.int(r.compliant), all: fmt.int(r.employeeWeeks) }) },
    { key: 'flex', label: t('col.flexDaysShort'), title: (r) => `${t('col.flexDays')}: ${fmt.int(r.flexDays)}`, width: '72px', render: (r) => <span className="num">{fmt.int(r.flexDays)}</span> },
    { key: 'findings', label: t('col.findings'), width: '66px', render: (r) => <span className="num">{fmt.int(r.findings)}</span> },
  ];
  return (
    <Card id="employees" title={t('drill.unitTitle', { unit: props.filter.unit })} desc={t('drill.unitDesc', { n: fmt.int(total) })} flush
      actions={<DownloadTable title={t('drill.unitTitle', { unit: props.filter.unit })} write={(api, out) => api.exportTable({ table: 'unitEmployees', filter: props.filter, out })} />}>
      {head.error ? <p role="alert">{head.error}</p> : (
        <VirtualTable<EmployeeRow>
          total={total}
          columns={columns}
          loadPage={loadPage}
          resetKey={key}
          label={t('drill.unitTitle', { unit: props.filter.unit })}
          height={360}
          onActivate={(r) => props.onSelect(r.nip)}
          printable
        />
      )}
    </Card>
  );
}

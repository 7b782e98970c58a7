import type { RuleId, ViewFilter } from '../../../../src-main/contract/index.ts';
import { monthEnd } from '../../i18n/format.ts';
import { useRoute } from '../../router.tsx';

/** The screen's state lives in the address (agency, unit, rule, month, nip), so drill-downs can be linked and undone with Back. */
export interface ComplianceParams {
  agency: string;
  unit: string;
  rule: string;
  month: string;
  nip: string;
}

export function useComplianceParams() {
  const { params, go } = useRoute();
  const p: ComplianceParams = {
    agency: params.agency ?? '', unit: params.unit ?? '', rule: params.rule ?? '', month: params.month ?? '', nip: params.nip ?? '',
  };
  const set = (change: Partial<ComplianceParams>) => {
    const next = { ...p, ...change };
    go('kepatuhan', Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')));
  };
  return { p, set };
}

export function toFilter(p: ComplianceParams): ViewFilter {
  const f: ViewFilter = {};
  if (p.agency) f.agency = p.agency;
  if (p.unit) f.unit = p.unit;
  if (p.rule) f.rule = p.rule as RuleId;
  if (p.month) {
    f.from = `${p.month}-01`;
    f.to = monthEnd(p.month);
  }
  return f;
}

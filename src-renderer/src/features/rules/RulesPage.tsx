import { useState } from 'react';
import { paramLine } from '../../../../src-main/contract/param-words.ts';
import type { ParamValue } from '../../../../src-main/contract/rules-types.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { Card } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { ProfileFileCard } from './ProfileFileCard.tsx';

/** Aturan: the catalogue with legal basis and explanations, the profiles (editable, Pasal 13 enforced), profile files. */
export function RulesPage() {
  const { t, pick, lang } = useI18n();
  const api = useApi();
  const rules = useQuery(() => api.listRules({}), []);
  const [agency, setAgency] = useState('');
  const profile = useQuery(() => api.getProfile(agency ? { agency } : {}), [agency]);
  const enabled = profile.data?.params.rules;
  const parameters = rules.data?.parameters ?? [];
  // Each parameter by its label and current value ("Batas hari fleksibel lokasi per minggu: 2 hari"); the rule's own switch is the badge.
  const paramText = (keys: string[]) => {
    const parts = keys.flatMap((key) => {
      const p = parameters.find((x) => x.key === key);
      return p && profile.data ? [paramLine(p, profile.data.params[key] as ParamValue, lang)] : [];
    });
    return parts.length ? ` · ${parts.join('; ')}` : '';
  };
  return (
    <>
      <PageHead title={t('rulesPage.title')} subtitle={t('rulesPage.subtitle')} />
      <div className="grid rules-grid">
        <Card id="catalogue" title={t('catalogue.title')} desc={t('catalogue.desc')}>
          <ul className="catalogue">
            {(rules.data?.rules ?? []).map((r) => {
              const on = enabled?.[r.id]?.enabled ?? true;
              return (
                <li key={r.id}>
                  <div className="toolbar" style={{ marginBottom: 2 }}>
                    <h3><span className="rule-chip">{r.id}</span> {pick(r.title)}</h3>
                    <span className={`badge ${on ? 'badge-resolved' : 'badge-muted'}`}>{on ? t('catalogue.enabled') : t('catalogue.disabled')}</span>
                  </div>
                  <p>{pick(r.explanation)}</p>
                  <p className="muted basis">{r.basis} · {t(`catalogue.period.${r.period}`)}{paramText(r.parameters)}</p>
                </li>
              );
            })}
          </ul>
        </Card>
        <div className="stack">
          <ProfileCard agency={agency} onAgency={setAgency} profile={profile.data} error={profile.error} rules={rules.data?.rules ?? []}
            parameters={parameters} />
          <ProfileFileCard />
        </div>
      </div>
    </>
  );
}

import { useState } from 'react';
import { useApi } from '../../api/ApiProvider.tsx';
import { useQuery } from '../../api/useQuery.ts';
import { PageHead } from '../../components/PageHead.tsx';
import { Card } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { ProfileFileCard } from './ProfileFileCard.tsx';

/** Aturan: the catalogue with legal basis and explanations, the profiles (editable, Pasal 13 enforced), profile files. */
export function RulesPage() {
  const { t, pick } = useI18n();
  const api = useApi();
  const rules = useQuery(() => api.listRules({}), []);
  const [agency, setAgency] = useState('');
  const profile = useQuery(() => api.getProfile(agency ? { agency } : {}), [agency]);
  const enabled = profile.data?.params.rules;
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
                  <p className="muted basis">{r.basis} · {t(`catalogue.period.${r.period}`)} · {t('catalogue.params')}: <code>{r.parameters.join(', ')}</code></p>
                </li>
              );
            })}
          </ul>
        </Card>
        <div className="stack">
          <ProfileCard agency={agency} onAgency={setAgency} profile={profile.data} error={profile.error} rules={rules.data?.rules ?? []} />
          <ProfileFileCard />
        </div>
      </div>
    </>
  );
}

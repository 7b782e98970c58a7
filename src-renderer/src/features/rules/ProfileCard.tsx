import { useEffect, useState, type ReactNode } from 'react';
import type { EffectiveProfile, ParamInfo, RuleInfo } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { RunButton, shortVersion, useRunChecks } from '../../components/RunStatus.tsx';
import { Card, Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Form values keyed by the profile keys (docs/rules.md, Profiles), as text: what setProfile takes. */
type Values = Record<string, string>;

const NEW = '__new__';

/** What the form shows for a value: numbers with the app's decimal comma, booleans and dates as setProfile reads them. */
function shown(v: unknown, lang: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return lang === 'id' ? String(v).replace('.', ',') : String(v);
  return String(v);
}

function valuesOf(p: EffectiveProfile, parameters: ParamInfo[], rules: RuleInfo[], lang: string): Values {
  const v: Values = { name: p.name ?? '', level: p.level ?? '', province: p.province ?? '' };
  for (const param of parameters) v[param.key] = shown(p.params[param.key], lang);
  for (const r of rules) v[`rules.${r.id}.enabled`] = String(p.params.rules[r.id]?.enabled ?? true);
  return v;
}

export function ProfileCard(props: {
  agency: string; onAgency: (a: string) => void; profile: EffectiveProfile | undefined; error: string | null;
  rules: RuleInfo[]; parameters: ParamInfo[];
}) {
  const { t, pick, lang } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const checks = useRunChecks();
  const overview = useQuery(() => api.overview({}), []);
  const [values, setValues] = useState<Values>({});
  const [typed, setTyped] = useState('');
  const [choice, setChoice] = useState(props.agency);
  const [result, setResult] = useState<{ tone: 'ok' | 'error' | 'info'; text: string; key?: string } | null>(null);
  const initial = props.profile ? valuesOf(props.profile, props.parameters, props.rules, lang) : {};
  useEffect(() => {
    if (props.profile) setValues(valuesOf(props.profile, props.parameters, props.rules, lang));
  }, [props.profile, props.parameters, props.rules, lang]);
  const agencies = (overview.data?.data.agencies ?? []).map((a) => ({ code: a.agency, name: a.name }));
  const isAgency = props.agency !== '';
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const save = async () => {
    const diff = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== initial[k]));
    if (Object.keys(diff).length === 0) return setResult({ tone: 'info', text: t('profile.noChange') });
    try {
      const saved = await api.setProfile({ ...(isAgency ? { agency: props.agency } : {}), set: diff });
      setResult({ tone: 'ok', text: t('profile.saved', { version: shortVersion(saved.version) }) });
      changed();
    } catch (err) {
      const text = errorText(err, lang);
      setResult({ tone: 'error', text, key: Object.keys(diff).find((k) => text.startsWith(k)) });
    }
  };

  // The hint and the unit sit outside the label: they describe the field without becoming part of its name.
  const field = (key: string, label: string, control: ReactNode, note?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`param-${key}`}>{label}</label>
      {control}
      {note && <span className="muted field-note" id={`hint-${key}`}>{note}</span>}
    </div>
  );
  const describedBy = (key: string, note: boolean) => (result?.key === key ? 'profile-error' : note ? `hint-${key}` : undefined);
  const input = (key: string, note = false, extra: Record<string, string | number> = {}) => (
    <input id={`param-${key}`} type="text" value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)}
      aria-invalid={result?.key === key || undefined} aria-describedby={describedBy(key, note)} {...extra} />
  );
  /** One parameter's control, from its type: a choice, a checkbox, a date, a time range or a number typed as people write it. */
  const param = (p: ParamInfo) => {
    const note = [p.unit ? pick(p.unit) : '', p.hint ? pick(p.hint) : ''].filter(Boolean).join(' · ') || undefined;
    if (p.type === 'boolean') {
      return (
        <label key={p.key} className="check">
          <input type="checkbox" checked={values[p.key] === 'true'} onChange={(e) => set(p.key, String(e.target.checked))} />
          {pick(p.label)}
        </label>
      );
    }
    if (p.choices) {
      return field(p.key, pick(p.label), (
        <select id={`param-${p.key}`} value={values[p.key] ?? ''} onChange={(e) => set(p.key, e.target.value)}>
          {p.choices.map((c) => <option key={String(c.value)} value={String(c.value)}>{pick(c.label)}</option>)}
        </select>
      ));
    }
    const extra: Record<string, string | number> = p.type === 'date' ? { type: 'date' }
      : p.type === 'timeRange' ? { pattern: '\\d{2}:\\d{2}-\\d{2}:\\d{2}', placeholder: '12:00-13:00' }
      : p.type === 'time' ? { pattern: '\\d{2}:\\d{2}', placeholder: '05:00' }
        : { inputMode: p.type === 'integer' ? 'numeric' : 'decimal' };
    return field(p.key, pick(p.label), input(p.key, note !== undefined, extra), note);
  };
  const groups: { group: ParamInfo['group']; legend: string }[] = [
    { group: 'rules', legend: t('profile.params') },
    { group: 'compare', legend: t('profile.compareParams') },
  ];
  const selectProfile = (value: string) => {
    setChoice(value);
    setResult(null);
    if (value !== NEW) props.onAgency(value);
  };

  return (
    <Card id="profile" title={t('profile.title')} desc={t('profile.desc')}>
      <div className="filters" style={{ marginBottom: 10 }}>
        <label className="field">
          <span>{t('profile.which')}</span>
          <select value={choice} onChange={(e) => selectProfile(e.target.value)}>
            <option value="">{t('profile.national')}</option>
            {agencies.map((a) => <option key={a.code} value={a.code}>{a.name ? `${a.name} (${a.code})` : a.code}</option>)}
            <option value={NEW}>{t('profile.newAgency')}</option>
          </select>
        </label>
        {choice === NEW && (
          <label className="field">
            <span>{t('profile.newCode')}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value.toUpperCase())} onBlur={() => typed && props.onAgency(typed)} />
          </label>
        )}
      </div>
      {props.error && <Notice tone="error">{props.error}</Notice>}
      {props.profile && <p className="muted" style={{ marginBottom: 10 }}>{t('profile.version', { version: shortVersion(props.profile.version) })}</p>}
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {isAgency && (
          <fieldset className="form-grid">
            <legend>{t('profile.identity')}</legend>
            {field('name', t('param.name'), input('name'))}
            {field('level', t('param.level'), (
              <select id="param-level" value={values.level ?? ''} onChange={(e) => set('level', e.target.value)}>
                <option value="">—</option>
                {(['pusat', 'provinsi', 'kabupaten', 'kota'] as const).map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
              </select>
            ))}
            {field('province', t('param.province'), input('province'))}
          </fieldset>
        )}
        {groups.map(({ group, legend }) => (
          <fieldset className="form-grid" key={group}>
            <legend>{legend}</legend>
            {props.parameters.filter((p) => p.group === group).map(param)}
          </fieldset>
        ))}
        <fieldset className="rule-toggles">
          <legend>{t('profile.rules')}</legend>
          {props.rules.map((rule) => (
            <label key={rule.id} className="check">
              <input type="checkbox" checked={values[`rules.${rule.id}.enabled`] === 'true'}
                onChange={(e) => set(`rules.${rule.id}.enabled`, String(e.target.checked))} />
              <span className="rule-chip">{rule.id}</span> {pick(rule.title)}
            </label>
          ))}
        </fieldset>
        {result && (
          <div id={result.tone === 'error' ? 'profile-error' : undefined}>
            <Notice tone={result.tone} action={result.tone === 'ok' ? <RunButton checks={checks} /> : undefined}>
              {result.tone === 'error' && <b>{t('profile.refused')}: </b>}{result.text}
            </Notice>
          </div>
        )}
        {checks.error && <Notice tone="error">{checks.error}</Notice>}
        {checks.done && !checks.running && <Notice tone="ok">{t('run.done', { run: checks.done.run, n: checks.done.n })}</Notice>}
        <div className="actions">
          <button type="submit" className="btn btn-primary">{t('profile.save')}</button>
        </div>
      </form>
    </Card>
  );
}

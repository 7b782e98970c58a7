import { useEffect, useState, type ReactNode } from 'react';
import { RULE_IDS, type EffectiveProfile, type RuleInfo } from '../../../../src-main/contract/index.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { RunButton, shortVersion, useRunChecks } from '../../components/RunStatus.tsx';
import { Card, Notice } from '../../components/ui.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

/** Form values keyed by the rules.md §5 keys, as text: what setProfile takes. */
type Values = Record<string, string>;

const NUMBER_KEYS = ['maxFlexDays', 'weeklyHours', 'ramadanWeeklyHours', 'toleranceMinutes', 'minGroupSize', 'windowMonths'] as const;
const NEW = '__new__';
const HINTED = new Set(['maxFlexDays']);
const initialHint = (key: string) => (HINTED.has(key) ? `hint-${key}` : undefined);

function valuesOf(p: EffectiveProfile): Values {
  const v: Values = {
    name: p.name ?? '', level: p.level ?? '', province: p.province ?? '',
    countNationalFwaDays: String(p.params.countNationalFwaDays), workDays: String(p.params.workDays),
    ramadanFrom: p.params.ramadanFrom ?? '', ramadanTo: p.params.ramadanTo ?? '',
    breakMonThu: p.params.breakMonThu, breakFri: p.params.breakFri,
  };
  for (const k of NUMBER_KEYS) v[k] = String(p.params[k]);
  for (const id of RULE_IDS) v[`rules.${id}.enabled`] = String(p.params.rules[id].enabled);
  return v;
}

export function ProfileCard(props: { agency: string; onAgency: (a: string) => void; profile: EffectiveProfile | undefined; error: string | null; rules: RuleInfo[] }) {
  const { t, pick } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const checks = useRunChecks();
  const overview = useQuery(() => api.overview({}), []);
  const [values, setValues] = useState<Values>({});
  const [typed, setTyped] = useState('');
  const [choice, setChoice] = useState(props.agency);
  const [result, setResult] = useState<{ tone: 'ok' | 'error' | 'info'; text: string; key?: string } | null>(null);
  const initial = props.profile ? valuesOf(props.profile) : {};
  useEffect(() => {
    if (props.profile) setValues(valuesOf(props.profile));
  }, [props.profile]);
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
      const text = errorText(err);
      setResult({ tone: 'error', text, key: Object.keys(diff).find((k) => text.startsWith(k)) });
    }
  };

  // The hint sits outside the label: it describes the field without becoming part of its name.
  const field = (key: string, control: ReactNode, hint?: MessageKey) => (
    <div className="field" key={key}>
      <label htmlFor={`param-${key}`}>{t(`param.${key}` as MessageKey)}</label>
      {control}
      {hint && <span className="muted field-note" id={`hint-${key}`}>{t(hint)}</span>}
    </div>
  );
  const input = (key: string, type = 'text', extra: Record<string, string | number> = {}) => (
    <input id={`param-${key}`} type={type} value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)}
      aria-invalid={result?.key === key || undefined}
      aria-describedby={result?.key === key ? 'profile-error' : initialHint(key)} {...extra} />
  );
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
            {field('name', input('name'))}
            {field('level', (
              <select id="param-level" value={values.level ?? ''} onChange={(e) => set('level', e.target.value)}>
                <option value="">—</option>
                {(['pusat', 'provinsi', 'kabupaten', 'kota'] as const).map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
              </select>
            ))}
            {field('province', input('province'))}
          </fieldset>
        )}
        <fieldset className="form-grid">
          <legend>{t('profile.params')}</legend>
          {field('maxFlexDays', input('maxFlexDays', 'number', { min: 0, max: 7, step: 1 }), 'param.maxFlexDays.hint')}
          {field('workDays', (
            <select id="param-workDays" value={values.workDays ?? '5'} onChange={(e) => set('workDays', e.target.value)}>
              <option value="5">{t('param.days5')}</option><option value="6">{t('param.days6')}</option>
            </select>
          ))}
          {field('weeklyHours', input('weeklyHours', 'number', { min: 1, max: 80, step: 0.25 }))}
          {field('ramadanWeeklyHours', input('ramadanWeeklyHours', 'number', { min: 1, max: 80, step: 0.25 }))}
          {field('ramadanFrom', input('ramadanFrom', 'date'))}
          {field('ramadanTo', input('ramadanTo', 'date'))}
          {field('breakMonThu', input('breakMonThu', 'text', { pattern: '\\d{2}:\\d{2}-\\d{2}:\\d{2}' }))}
          {field('breakFri', input('breakFri', 'text', { pattern: '\\d{2}:\\d{2}-\\d{2}:\\d{2}' }))}
          {field('toleranceMinutes', input('toleranceMinutes', 'number', { min: 0, max: 600, step: 1 }))}
          {field('minGroupSize', input('minGroupSize', 'number', { min: 1, max: 1000, step: 1 }))}
          {field('windowMonths', input('windowMonths', 'number', { min: 1, max: 36, step: 1 }))}
          <label className="check">
            <input type="checkbox" checked={values.countNationalFwaDays === 'true'} onChange={(e) => set('countNationalFwaDays', String(e.target.checked))} />
            {t('param.countNationalFwaDays')}
          </label>
        </fieldset>
        <fieldset className="rule-toggles">
          <legend>{t('profile.rules')}</legend>
          {RULE_IDS.map((id) => {
            const rule = props.rules.find((r) => r.id === id);
            return (
              <label key={id} className="check">
                <input type="checkbox" checked={values[`rules.${id}.enabled`] === 'true'} onChange={(e) => set(`rules.${id}.enabled`, String(e.target.checked))} />
                <span className="rule-chip">{id}</span> {rule ? pick(rule.title) : ''}
              </label>
            );
          })}
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

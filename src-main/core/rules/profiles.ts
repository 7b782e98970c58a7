import { AppError } from '../../contract/errors.ts';
import type {
  AgencyInfo, AgencyLevel, EffectiveProfile, ParamValue, Profile, ProfileParams, ProfilesFile, RuleSwitches,
} from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';
import { AGENCY_LEVELS, agencyFieldLabel, ruleSwitchLabel } from '../../contract/param-words.ts';
import { parseBoolean, parseParam, refuse } from './parameters.ts';
import type { RuleBook } from './rule-book.ts';

type Overrides = Profile['overrides'];
const RULE_SWITCH = /^rules\.([A-Z]{3}-\d{2})\.enabled$/;

/**
 * Applies one KEY=VALUE (a parameter of the rule book, a rule's switch, or the agency's name, level,
 * province), validated. Refusals name the setting as people read it (param-words.ts); the key is
 * what was typed, so it appears only when it is unknown.
 */
export function applySetting(book: RuleBook, target: { overrides: Overrides; info: AgencyInfo }, key: string, value: string): void {
  const o = target.overrides;
  const rule = RULE_SWITCH.exec(key);
  if (rule) {
    const known = book.rule(rule[1]!);
    if (!known) {
      const ids = book.rules.map((r) => r.id).join(', ');
      refuse(key, (lang) => (lang === 'en' ? `There is no rule ${rule[1]}; the rules are ${ids}.` : `Aturan ${rule[1]} tidak ada; aturan yang ada: ${ids}.`));
    }
    o.rules = { ...o.rules, [known.id]: { enabled: parseBoolean(key, (lang) => ruleSwitchLabel(known, lang), value) } };
    return;
  }
  const param = book.param(key);
  if (param) {
    o[key] = parseParam(param, value);
    return;
  }
  switch (key) {
    case 'name': target.info.name = value.trim(); return;
    case 'province': target.info.province = value.trim(); return;
    case 'level':
      if (!AGENCY_LEVELS.includes(value as AgencyLevel)) {
        const levels = AGENCY_LEVELS.join(', ');
        refuse(key, (lang) => (lang === 'en' ? `${agencyFieldLabel('level', lang)} must be one of ${levels}, not "${value}".`
          : `${agencyFieldLabel('level', lang)} harus salah satu dari ${levels}, bukan "${value}".`));
      }
      target.info.level = value as AgencyLevel;
      return;
    default:
      refuse(key, (lang) => (lang === 'en' ? `Unknown parameter "${key}".` : `Parameter "${key}" tidak dikenal.`));
  }
}

function merge(base: ProfileParams, o: Overrides): ProfileParams {
  const { rules, ...rest } = o;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<string, ParamValue>;
  return { ...base, ...defined, rules: { ...base.rules, ...rules } };
}

interface ProfileRow { agency: string; version: number; info: string; overrides: string; saved_at: string }

function toProfile(r: ProfileRow): Profile {
  return {
    agency: r.agency === '' ? null : r.agency, version: r.version, ...(JSON.parse(r.info) as AgencyInfo),
    overrides: JSON.parse(r.overrides) as Overrides, savedAt: r.saved_at,
  };
}

export async function latestProfile(db: Db, agency: string | null): Promise<Profile | undefined> {
  const row = await db.one<ProfileRow & Record<string, unknown>>(
    `SELECT agency, version, info, overrides, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at
FROM profiles
WHERE agency = $agency
ORDER BY version DESC
LIMIT 1`,
    { agency: agency ?? '' },
  );
  return row ? toProfile(row) : undefined;
}

export async function effectiveProfile(db: Db, book: RuleBook, agency: string | null): Promise<EffectiveProfile> {
  const national = await latestProfile(db, null);
  const nationalParams = merge(book.defaults(), national?.overrides ?? {});
  const nationalVersion = `nasional v${national?.version ?? 0}`;
  if (!agency) return { agency: null, version: nationalVersion, params: nationalParams };
  const own = await latestProfile(db, agency);
  const params = merge(nationalParams, own?.overrides ?? {});
  // A stricter national profile tightens agencies whose own setting was looser.
  for (const p of book.parameters) {
    if (p.ceiling) params[p.key] = Math.min(params[p.key] as number, nationalParams[p.key] as number, p.ceiling.max);
  }
  const info: AgencyInfo = { name: own?.name, level: own?.level, province: own?.province };
  return { agency, version: own ? `${nationalVersion} + ${agency} v${own.version}` : nationalVersion, params, ...info };
}

/** A number parameter of an effective profile. */
export function numberParam(params: ProfileParams, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw new Error(`profile parameter ${key} is not a number`);
  return v;
}

export async function saveProfile(db: Db, agency: string | null, overrides: Overrides, info: AgencyInfo, at: Date): Promise<Profile> {
  const row = await db.one<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM profiles WHERE agency = $agency', {
    agency: agency ?? '',
  });
  const version = row!.v;
  await db.run('INSERT INTO profiles VALUES ($agency, $version, $info, $overrides, $at)', {
    agency: agency ?? '', version, info: JSON.stringify(info), overrides: JSON.stringify(overrides), at: at.toISOString(),
  });
  return { agency, version, ...info, overrides, savedAt: at.toISOString() };
}

/** `--set KEY=VALUE ...`: a new version of the agency's (or the national) profile. */
export async function setProfile(db: Db, book: RuleBook, agency: string | null, settings: Record<string, string>, at: Date): Promise<EffectiveProfile> {
  const current = await latestProfile(db, agency);
  const target = {
    overrides: structuredClone(current?.overrides ?? {}),
    info: { name: current?.name, level: current?.level, province: current?.province } as AgencyInfo,
  };
  for (const [key, value] of Object.entries(settings)) applySetting(book, target, key, value);
  await saveProfile(db, agency, target.overrides, target.info, at);
  return effectiveProfile(db, book, agency);
}

export async function exportProfiles(db: Db): Promise<ProfilesFile> {
  const rows = await db.all<ProfileRow & Record<string, unknown>>(
    `SELECT agency, version, info, overrides, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at
FROM profiles
QUALIFY version = max(version) OVER (PARTITION BY agency)
ORDER BY agency`,
  );
  return { pantauProfiles: 1, profiles: rows.map(toProfile) };
}

/** Every imported value goes through the same checks as --set, the Pasal 13 ceiling included. */
export async function importProfiles(db: Db, book: RuleBook, file: ProfilesFile, at: Date): Promise<Profile[]> {
  if (file?.pantauProfiles !== 1 || !Array.isArray(file.profiles)) {
    throw new AppError('PROFILE_REFUSED', 'Berkas ini bukan berkas profil Pantau (berkas yang ditulis oleh ekspor profil).',
      'This is not a Pantau profile file (a file written by a profile export).');
  }
  const saved: Profile[] = [];
  for (const p of file.profiles) {
    const target = { overrides: {} as Overrides, info: {} as AgencyInfo };
    const { rules, ...rest } = p.overrides ?? {};
    try {
      for (const [key, value] of Object.entries(rest)) applySetting(book, target, key, value === null ? '' : String(value));
      for (const [id, r] of Object.entries((rules ?? {}) as RuleSwitches)) applySetting(book, target, `rules.${id}.enabled`, String(r?.enabled));
      for (const key of ['name', 'level', 'province'] as const) if (p[key] !== undefined) applySetting(book, target, key, String(p[key]));
    } catch (err) {
      // A file holds several profiles: the refusal says whose value it was.
      if (!(err instanceof AppError)) throw err;
      const whose = p.agency ? { id: `Profil ${p.agency}`, en: `Profile ${p.agency}` } : { id: 'Profil nasional', en: 'National profile' };
      throw new AppError(err.code, `${whose.id}: ${err.message}`, `${whose.en}: ${err.messageEn ?? err.message}`, err.details);
    }
    saved.push(await saveProfile(db, p.agency ?? null, target.overrides, target.info, at));
  }
  return saved;
}

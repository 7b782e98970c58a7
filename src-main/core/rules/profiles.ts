import { AppError } from '../../contract/errors.ts';
import {
  RULE_IDS, type AgencyInfo, type AgencyLevel, type EffectiveProfile, type Profile, type ProfileParams,
  type ProfilesFile, type RuleId,
} from '../../contract/rules-types.ts';
import type { Db } from '../db/database.ts';

/** PermenPANRB 4/2025 Pasal 13 ayat (1): at most two flexible-location working days a week. */
export const PASAL_13_CEILING = 2;

export const NATIONAL_DEFAULTS: ProfileParams = {
  maxFlexDays: 2, countNationalFwaDays: false, workDays: 5, weeklyHours: 37.5, ramadanWeeklyHours: 32.5,
  ramadanFrom: null, ramadanTo: null, toleranceMinutes: 0, breakMonThu: '12:00-13:00', breakFri: '11:30-13:00',
  minGroupSize: 5, windowMonths: 6,
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: true }])) as ProfileParams['rules'],
};

type Overrides = Profile['overrides'];
const LEVELS: AgencyLevel[] = ['pusat', 'provinsi', 'kabupaten', 'kota'];

function refuse(message: string, messageEn?: string): never {
  throw new AppError('PROFILE_REFUSED', message, messageEn);
}

/** A plain decimal (a decimal comma allowed): Number() alone would read "" and " " as 0 and "0x20" as 32. */
function number(key: string, value: string, min: number, max: number, integer: boolean): number {
  const plain = /^[+-]?\d+(?:[.,]\d+)?$/.test(value.trim());
  const n = plain ? Number(value.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    refuse(`${key} harus ${integer ? 'bilangan bulat' : 'angka'} antara ${min} dan ${max}, bukan "${value}".`,
      `${key} must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}, not "${value}".`);
  }
  return n;
}

function bool(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'ya', '1', 'yes'].includes(v)) return true;
  if (['false', 'tidak', '0', 'no'].includes(v)) return false;
  return refuse(`${key} harus true atau false, bukan "${value}".`, `${key} must be true or false, not "${value}".`);
}

function date(key: string, value: string): string | null {
  if (value.trim() === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    refuse(`${key} harus tanggal YYYY-MM-DD, bukan "${value}".`, `${key} must be a YYYY-MM-DD date, not "${value}".`);
  }
  return value;
}

function window(key: string, value: string): string {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59 || m[1]! + m[2]! >= m[3]! + m[4]!) {
    refuse(`${key} harus rentang jam seperti 12:00-13:00, bukan "${value}".`, `${key} must be a time range such as 12:00-13:00, not "${value}".`);
  }
  return value.trim();
}

/** Applies one KEY=VALUE (rules.md §5 keys) to a profile's overrides and info, validated. */
export function applySetting(target: { overrides: Overrides; info: AgencyInfo }, key: string, value: string): void {
  const o = target.overrides;
  const rule = /^rules\.([A-Z]{3}-\d{2})\.enabled$/.exec(key);
  if (rule) {
    const id = rule[1] as RuleId;
    if (!RULE_IDS.includes(id)) refuse(`Aturan ${rule[1]} tidak dikenal; aturan yang ada: ${RULE_IDS.join(', ')}.`, `Unknown rule ${rule[1]}; the rules are: ${RULE_IDS.join(', ')}.`);
    o.rules = { ...o.rules, [id]: { enabled: bool(key, value) } };
    return;
  }
  switch (key) {
    case 'maxFlexDays': {
      const n = number(key, value, 0, 7, true);
      if (n > PASAL_13_CEILING) {
        refuse(`maxFlexDays = ${n} ditolak: PermenPANRB 4/2025 Pasal 13 ayat (1) membatasi fleksibilitas lokasi paling banyak ${PASAL_13_CEILING} hari kerja dalam 1 minggu; profil instansi boleh lebih ketat, tidak boleh lebih longgar.`, `maxFlexDays = ${n} refused: PermenPANRB 4/2025 Pasal 13 ayat (1) limits location flexibility to at most ${PASAL_13_CEILING} working days in 1 week; an agency profile may be stricter, never looser.`);
      }
      o.maxFlexDays = n;
      return;
    }
    case 'countNationalFwaDays': o.countNationalFwaDays = bool(key, value); return;
    case 'workDays': o.workDays = number(key, value, 5, 6, true); return;
    case 'weeklyHours': o.weeklyHours = number(key, value, 1, 80, false); return;
    case 'ramadanWeeklyHours': o.ramadanWeeklyHours = number(key, value, 1, 80, false); return;
    case 'ramadanFrom': o.ramadanFrom = date(key, value); return;
    case 'ramadanTo': o.ramadanTo = date(key, value); return;
    case 'toleranceMinutes': o.toleranceMinutes = number(key, value, 0, 600, true); return;
    case 'breakMonThu': o.breakMonThu = window(key, value); return;
    case 'breakFri': o.breakFri = window(key, value); return;
    case 'minGroupSize': o.minGroupSize = number(key, value, 1, 1000, true); return;
    case 'windowMonths': o.windowMonths = number(key, value, 1, 36, true); return;
    case 'name': target.info.name = value.trim(); return;
    case 'province': target.info.province = value.trim(); return;
    case 'level':
      if (!LEVELS.includes(value as AgencyLevel)) refuse(`level harus salah satu dari ${LEVELS.join(', ')}.`, `level must be one of ${LEVELS.join(', ')}.`);
      target.info.level = value as AgencyLevel;
      return;
    default:
      refuse(`Parameter "${key}" tidak dikenal. Yang ada: maxFlexDays, countNationalFwaDays, workDays, weeklyHours, ramadanWeeklyHours, ramadanFrom, ramadanTo, toleranceMinutes, breakMonThu, breakFri, minGroupSize, windowMonths, rules.<ID>.enabled, name, level, province.`, `Unknown parameter "${key}". The parameters are: maxFlexDays, countNationalFwaDays, workDays, weeklyHours, ramadanWeeklyHours, ramadanFrom, ramadanTo, toleranceMinutes, breakMonThu, breakFri, minGroupSize, windowMonths, rules.<ID>.enabled, name, level, province.`);
  }
}

function merge(base: ProfileParams, o: Overrides): ProfileParams {
  const { rules, ...rest } = o;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
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
     FROM profiles WHERE agency = $agency ORDER BY version DESC LIMIT 1`,
    { agency: agency ?? '' },
  );
  return row ? toProfile(row) : undefined;
}

export async function effectiveProfile(db: Db, agency: string | null): Promise<EffectiveProfile> {
  const national = await latestProfile(db, null);
  const nationalParams = merge(NATIONAL_DEFAULTS, national?.overrides ?? {});
  const nationalVersion = `nasional v${national?.version ?? 0}`;
  if (!agency) return { agency: null, version: nationalVersion, params: nationalParams };
  const own = await latestProfile(db, agency);
  const params = merge(nationalParams, own?.overrides ?? {});
  // A stricter national profile tightens agencies whose own setting was looser.
  params.maxFlexDays = Math.min(params.maxFlexDays, nationalParams.maxFlexDays, PASAL_13_CEILING);
  const info: AgencyInfo = { name: own?.name, level: own?.level, province: own?.province };
  return { agency, version: own ? `${nationalVersion} + ${agency} v${own.version}` : nationalVersion, params, ...info };
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
export async function setProfile(db: Db, agency: string | null, settings: Record<string, string>, at: Date): Promise<EffectiveProfile> {
  const current = await latestProfile(db, agency);
  const target = {
    overrides: structuredClone(current?.overrides ?? {}),
    info: { name: current?.name, level: current?.level, province: current?.province } as AgencyInfo,
  };
  for (const [key, value] of Object.entries(settings)) applySetting(target, key, value);
  await saveProfile(db, agency, target.overrides, target.info, at);
  return effectiveProfile(db, agency);
}

export async function exportProfiles(db: Db): Promise<ProfilesFile> {
  const rows = await db.all<ProfileRow & Record<string, unknown>>(
    `SELECT agency, version, info, overrides, strftime(saved_at, '%Y-%m-%dT%H:%M:%SZ') AS saved_at FROM profiles
     QUALIFY version = max(version) OVER (PARTITION BY agency) ORDER BY agency`,
  );
  return { pantauProfiles: 1, profiles: rows.map(toProfile) };
}

/** Every imported value goes through the same checks as --set, the Pasal 13 ceiling included. */
export async function importProfiles(db: Db, file: ProfilesFile, at: Date): Promise<Profile[]> {
  if (file?.pantauProfiles !== 1 || !Array.isArray(file.profiles)) refuse('Berkas profil tidak dikenali (harus berisi "pantauProfiles": 1 dan "profiles").', 'Not a profile file (it must hold "pantauProfiles": 1 and "profiles").');
  const saved: Profile[] = [];
  for (const p of file.profiles) {
    const target = { overrides: {} as Overrides, info: {} as AgencyInfo };
    const { rules, ...rest } = p.overrides ?? {};
    for (const [key, value] of Object.entries(rest)) applySetting(target, key, value === null ? '' : String(value));
    for (const [id, r] of Object.entries(rules ?? {})) applySetting(target, `rules.${id}.enabled`, String(r?.enabled));
    for (const key of ['name', 'level', 'province'] as const) if (p[key] !== undefined) applySetting(target, key, String(p[key]));
    saved.push(await saveProfile(db, p.agency ?? null, target.overrides, target.info, at));
  }
  return saved;
}

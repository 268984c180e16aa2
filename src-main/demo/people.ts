import type { CaseDraft } from '../../src-shared/api/methods/cases';
import { addCalendarDays } from '../../src-shared/domain/chineseDate';
import { creditCode, residentId } from './identity';
import { COUNTY_PREFIX, KAILU_CODE, KAILU_OLD_CODE, NEIGHBOUR_CODES, TOWN_ESTATES, TOWN_STREETS, TOWNSHIPS, type Township } from './kailu';
import { LENDERS, orgName, personName, type OrgKind } from './names';
import type { Rng } from './random';

export type PartyDraft = CaseDraft['applicants'][number];

/** A township drawn by its share of the county's caseload. */
export function pickTownship(rng: Rng): Township {
  return rng.weighted(TOWNSHIPS.map((t) => [t, t.weight] as const));
}

export function address(rng: Rng, township: Township): string {
  if (township.name === '开鲁镇' && rng.chance(0.7)) {
    return rng.chance(0.6)
      ? `${COUNTY_PREFIX}开鲁镇${rng.pick(TOWN_ESTATES)}${rng.int(1, 28)}号楼${rng.int(1, 6)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`
      : `${COUNTY_PREFIX}开鲁镇${rng.pick(TOWN_STREETS)}${rng.int(1, 399)}号`;
  }
  return `${COUNTY_PREFIX}${township.name}${rng.pick(township.villages)}${rng.int(1, 12)}组${rng.int(1, 80)}号`;
}

export function mobile(rng: Rng): string {
  const prefix = rng.pick(['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '177', '180', '182', '183', '185', '187', '189', '199']);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** Kailu's landline numbers: area code 0475, seven digits starting with 6. */
export function landline(rng: Rng): string {
  return `0475-6${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** The division code on a Kailu resident's ID: most were registered in the county, older ones under 哲里木盟. */
function idArea(rng: Rng, birthYear: number): string {
  if (rng.chance(0.12)) return rng.weighted(NEIGHBOUR_CODES);
  const oldShare = birthYear < 1985 ? 0.7 : birthYear < 1999 ? 0.4 : 0;
  return rng.chance(oldShare) ? KAILU_OLD_CODE : KAILU_CODE;
}

export function birthDate(rng: Rng, fromYear: number, toYear: number): string {
  return addCalendarDays(`${fromYear}-01-01`, rng.int(0, (toYear - fromYear + 1) * 365 - 1));
}

export interface PersonOptions {
  township?: Township;
  /** Age bounds at `onDate` (debtors of loans are working age, maintenance applicants may be children). */
  minAge?: number;
  maxAge?: number;
  onDate: string;
}

export function person(rng: Rng, opts: PersonOptions): PartyDraft & { kind: 'person' } {
  const year = Number(opts.onDate.slice(0, 4));
  const born = birthDate(rng, year - (opts.maxAge ?? 68), year - (opts.minAge ?? 22));
  const sex = rng.chance(0.68) ? '男' : '女';
  const township = opts.township ?? pickTownship(rng);
  return {
    kind: 'person',
    name: personName(rng, sex, Number(born.slice(0, 4))),
    idNumber: residentId(rng, idArea(rng, Number(born.slice(0, 4))), born, sex),
    address: address(rng, township),
    phone: mobile(rng),
  };
}

export function organisation(rng: Rng, kind: OrgKind, onDate: string, township = pickTownship(rng)): PartyDraft & { kind: 'org' } {
  const rep = person(rng, { township, onDate, minAge: 28, maxAge: 65 });
  const codeKind = kind === 'company' && rng.chance(0.3) ? 'legacyCompany' : kind;
  return {
    kind: 'org',
    name: orgName(rng, kind, township.name, rep.name),
    creditCode: creditCode(rng, codeKind),
    legalRep: rep.name,
    address: kind === 'company' ? `${COUNTY_PREFIX}开鲁镇${rng.pick(TOWN_STREETS)}${rng.int(1, 399)}号` : address(rng, township),
    phone: rng.chance(0.5) ? landline(rng) : mobile(rng),
  };
}

export function lender(rng: Rng): PartyDraft & { kind: 'org' } {
  const name = rng.pick(LENDERS);
  // One fixed code per institution and seed, so the same bank has the same code in every case.
  const own = rng.fork(`lender:${name}`);
  return {
    kind: 'org',
    name,
    creditCode: creditCode(own, 'legacyCompany', name.includes('科尔沁') ? '150502' : KAILU_CODE),
    legalRep: personName(own, own.chance(0.7) ? '男' : '女', 1975),
    address: `${COUNTY_PREFIX}开鲁镇${own.pick(TOWN_STREETS)}${own.int(1, 199)}号`,
    phone: landline(own),
  };
}

import { idCheckChar } from '../../src-shared/domain/idNumber';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, orgCodeCheckChar } from '../../src-shared/domain/creditCode';
import type { Rng } from './random';

/**
 * A resident ID (GB 11643, domain.md §2.1): area code + birth date + 3-digit sequence (odd = male)
 * + the MOD 11-2 check character computed by the same function the validator uses.
 */
export function residentId(rng: Rng, area: string, birthDate: string, sex: '男' | '女'): string {
  // The last sequence digit carries the sex; the first two are the registration office's serial.
  const odd = rng.int(0, 4) * 2 + 1;
  const last = sex === '男' ? odd : odd - 1;
  const seq = `${rng.int(0, 9)}${rng.int(0, 9)}${last}`;
  const first17 = `${area}${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idCheckChar(first17);
}

export type CreditCodeKind = 'company' | 'individualBusiness' | 'coop' | 'legacyCompany';

// GB 32100 positions 1–2 (domain.md §2.2): 9 = market regulation, then 1 enterprise,
// 2 individual business, 3 farmers' co-operative.
const PREFIX: Record<CreditCodeKind, string> = { company: '91', individualBusiness: '92', coop: '93', legacyCompany: '91' };
const BODY_CHARS = CREDIT_CODE_CHARSET.split('');

/**
 * A unified social credit code (GB 32100) with a valid GB 11714 entity identifier inside, so the
 * filing form shows no warning. Entities registered since 2015 get the `MA…` identifiers issued by
 * market regulation; older companies keep their 8-digit organisation code.
 */
export function creditCode(rng: Rng, kind: CreditCodeKind, area = '150523'): string {
  for (;;) {
    let body: string;
    if (kind === 'legacyCompany') body = String(rng.int(10000000, 79999999));
    else body = `MA${Array.from({ length: 6 }, () => rng.pick(BODY_CHARS)).join('')}`;
    const inner = orgCodeCheckChar(body);
    if (inner === null) continue;
    const first17 = `${PREFIX[kind]}${area}${body}${inner}`;
    return first17 + creditCodeCheckChar(first17);
  }
}

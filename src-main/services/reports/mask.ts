// The mask rule of the monthly export (documented in docs/metrics.md, "Personal data"): the city
// level recomputes figures from case numbers, dates, modes and amounts, so parties are reduced to
// what a reader needs to recognise a case:
// - a natural person's name → the first character plus 某 (张三 → 张某, 欧阳娜娜 → 欧某);
// - an organisation's name is kept (not personal data);
// - a resident ID number → its first 6 digits (the issuing area) and 12 asterisks;
// - phone numbers, addresses and bank accounts are never exported.

export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}某`;
}

export function maskIdNumber(id: string): string {
  const s = id.trim();
  return s.length <= 6 ? '*'.repeat(s.length) : `${s.slice(0, 6)}${'*'.repeat(s.length - 6)}`;
}

export function maskParty(p: { kind: string; name: string; id_number: string | null; credit_code: string | null }): { kind: string; name: string; idMasked: string | null } {
  if (p.kind === 'person') return { kind: 'person', name: maskPersonName(p.name), idMasked: p.id_number ? maskIdNumber(p.id_number) : null };
  return { kind: 'org', name: p.name, idMasked: p.credit_code };
}

// Masking of personal data shown in lists and forms (issue 7; 个人信息保护法 Art. 51 requires
// "相应的加密、去标识化等安全技术措施"). The full value is shown only on demand, and the viewing
// is recorded (cases.reveal). The patterns follow common practice (GB/T 35273 去标识化 examples):
// keep the region code and the last four of an ID, the carrier prefix and last four of a phone,
// the last four of an account.

const STAR = '*';

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 10) return STAR.repeat(Math.max(0, id.length - 2)) + id.slice(-2);
  return id.slice(0, 6) + STAR.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 6) return `${STAR.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return STAR.repeat(phone.length);
}

export function maskAccount(account: string | null): string | null {
  if (!account) return account;
  const compact = account.replace(/[\s-]/g, '');
  if (compact.length <= 4) return STAR.repeat(compact.length);
  return `${STAR.repeat(compact.length - 4)}${compact.slice(-4)}`;
}

/** True when a value still carries the mask (the UI shows the 查看 button then). */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes(STAR);
}

// Masking of personal data shown in lists and forms (个人信息保护法 Art. 51 requires
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

/** A birth date read from an ID number is the ID's hidden digits: shown only through the reveal. */
export function maskBirthDate(date: string | null): string | null {
  if (!date) return date;
  return date.replace(/\d/g, STAR);
}

const ID_SHAPE = /^(\d{17}[\dXx]|\d{15})$/;

/**
 * An identification code of a queried party: a person's ID number is masked; an organisation's
 * unified social credit code is public register data (国家企业信用信息公示系统) and stays in full.
 */
export function maskIdCode(code: string | null): string | null {
  if (!code) return code;
  return ID_SHAPE.test(code.replace(/\s/g, '')) ? maskIdNumber(code.replace(/\s/g, '')) : code;
}

/** Asset types whose identifier is an account (bank card, payment account — often a phone —, securities, fund, policy). */
const ACCOUNT_ASSETS = new Set(['deposit', 'payment', 'securities', 'housingFund', 'insurance']);

/**
 * An asset's identifier: accounts are masked to their last four; register numbers of property
 * (不动产权证号, a plate, an equity registration) stay, with any long run of digits inside masked.
 */
export function maskAssetIdentifier(identifier: string | null, assetType: unknown): string | null {
  if (!identifier) return identifier;
  if (typeof assetType !== 'string' || ACCOUNT_ASSETS.has(assetType)) return maskAccount(identifier);
  return maskText(identifier);
}

/**
 * Free text that may quote an identifier (a re-query finding "银行存款 中国银行 6222…"): every ID
 * number and every account or phone — a run of 9 or more digits, or groups of four split by spaces
 * or dashes — is masked to its last four. Amounts ("104.29元") and dates are left alone.
 */
const IDENTIFIER_IN_TEXT = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{4}(?:[ -]\d{4}){2,}(?:[ -]\d{1,4}(?![\d.]))?|\d{9,})(?![\dA-Za-z])/g;

export function maskText(text: string | null): string | null {
  if (!text) return text;
  return text.replace(IDENTIFIER_IN_TEXT, (m) => {
    const digits = m.replace(/[\s-]/g, '');
    return STAR.repeat(digits.length - 4) + digits.slice(-4);
  });
}

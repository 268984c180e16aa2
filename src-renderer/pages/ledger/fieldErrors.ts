import { ApiCallError } from '../../api/client';

/** The server's message for one field of a refused write (ApiError.field), shown under that field. */
export function fieldError(failure: unknown, ...fields: string[]): string | undefined {
  return failure instanceof ApiCallError && failure.field && fields.includes(failure.field) ? failure.message : undefined;
}

/** A refusal that names none of the form's fields: shown above the form. */
export function otherError(failure: unknown, fields: string[]): string | null {
  if (!failure) return null;
  if (failure instanceof ApiCallError) return failure.field && fields.includes(failure.field) ? null : failure.message;
  return failure instanceof Error ? failure.message : String(failure);
}

/** A bank account number as the server takes it (methods/ledger.ts bankAccountNumber): 8–30 digits once spaces and hyphens are gone. */
export function accountNumberError(v: string): string | undefined {
  const digits = v.replace(/[\s-]/g, '');
  if (!digits) return '请填写收款账号';
  return /^\d{8,30}$/.test(digits) ? undefined : '收款账号应为8至30位数字（可含空格或短横线）';
}

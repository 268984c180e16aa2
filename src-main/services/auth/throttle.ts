import { ApiError } from '../../../src-shared/api/errors';
import { courtClock } from '../../events/caseVersion';

// Login throttling (OWASP ASVS V2.2.1): an account name that fails `loginMaxFailures` times within
// `loginLockMinutes` is refused for `loginLockMinutes` — whether or not the name exists, so the
// refusal tells an outsider nothing about which accounts there are — and so is a client address
// that fails `loginAddressMaxFailures` times (password spraying over many names from one computer).
// A refused attempt is answered at once, before any password is hashed, with the time to retry.
// The counts live in memory; a real account's lock is also kept in the database (users.locked_until),
// so it survives a restart and the administrator sees and lifts it.

export interface ThrottleSettings {
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginAddressMaxFailures: number;
}

interface Entry {
  failures: number[];
  blockedUntil: number;
}

/** More than this many names or addresses are not tracked at once (oldest forgotten first): spraying cannot exhaust memory. */
const MAX_ENTRIES = 20_000;

export class LoginThrottle {
  private readonly names = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();

  /** Refuses the attempt when the name or the address is blocked. `address` null: not a network client (no address throttle). */
  check(name: string, address: string | null, now: Date): void {
    const t = now.getTime();
    const byName = this.names.get(key(name));
    if (byName && byName.blockedUntil > t) throw throttledName(new Date(byName.blockedUntil), now);
    const byAddress = address ? this.addresses.get(address) : undefined;
    if (byAddress && byAddress.blockedUntil > t) throw throttledAddress(address!, new Date(byAddress.blockedUntil), now);
  }

  /** Counts a failed attempt; returns what it blocked, if it was the one too many. */
  failed(name: string, address: string | null, now: Date, s: ThrottleSettings): { name?: Date; address?: Date } {
    const out: { name?: Date; address?: Date } = {};
    const windowMs = s.loginLockMinutes * 60_000;
    const n = count(this.names, key(name), now.getTime(), windowMs);
    if (n.failures.length >= s.loginMaxFailures) {
      n.blockedUntil = now.getTime() + windowMs;
      n.failures = [];
      out.name = new Date(n.blockedUntil);
    }
    if (address) {
      const a = count(this.addresses, address, now.getTime(), windowMs);
      if (a.failures.length >= s.loginAddressMaxFailures) {
        a.blockedUntil = now.getTime() + windowMs;
        a.failures = [];
        out.address = new Date(a.blockedUntil);
      }
    }
    return out;
  }

  /** A successful login clears the name's failures (not the address's: one good account must not reset a spray). */
  succeeded(name: string): void {
    this.names.delete(key(name));
  }

  /** The administrator unlocked the account. */
  clearName(name: string): void {
    this.names.delete(key(name));
  }
}

const key = (name: string) => name.trim().toLowerCase();

function count(map: Map<string, Entry>, k: string, t: number, windowMs: number): Entry {
  let e = map.get(k);
  if (!e) {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
    e = { failures: [], blockedUntil: 0 };
    map.set(k, e);
  }
  e.failures = e.failures.filter((f) => t - f < windowMs);
  e.failures.push(t);
  return e;
}

/** The answer to a blocked name — the same for a locked account and for a name that does not exist. */
export function throttledName(until: Date, now: Date): ApiError {
  return new ApiError('throttled', `此用户名登录失败次数过多，已暂停登录，请于 ${courtClock(until.toISOString(), now)} 后再试`, 'username', { retryAt: until.toISOString() });
}

export function throttledAddress(address: string, until: Date, now: Date): ApiError {
  return new ApiError('throttled', `此计算机（${address}）登录失败次数过多，已暂停登录，请于 ${courtClock(until.toISOString(), now)} 后再试`, undefined, { retryAt: until.toISOString() });
}

import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// Passwords are stored as scrypt hashes with a per-password salt (OWASP ASVS V2.4). The cost is the
// OWASP Password Storage Cheat Sheet's for scrypt: N=2^17, r=8, p=1 (128 MiB of memory per hash).
// The parameters are stored with each hash, so a hash made at a lower cost still verifies and is
// replaced at the current cost on the user's next successful login (Sessions.login).
//
// Hashing runs on libuv's thread pool (async crypto.scrypt), never on the thread answering
// requests, and at most HASH_THREADS at a time: forty logins at once queue here instead of taking
// every pool thread (file reads and writes share that pool) and 40 × 128 MiB of memory.

export interface PasswordCost {
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;
const HASH_THREADS = 2;

/** scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default). */
const maxmem = (c: PasswordCost) => 128 * c.N * c.r * c.p + 32 * 1024 * 1024;

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_THREADS) await new Promise<void>((ok) => waiting.push(ok));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, keylen: number, c: PasswordCost): Promise<Buffer> {
  return limited(
    () =>
      new Promise<Buffer>((ok, fail) =>
        scrypt(password.normalize('NFKC'), salt, keylen, { N: c.N, r: c.r, p: c.p, maxmem: maxmem(c) }, (err, key) => (err ? fail(err) : ok(key))),
      ),
  );
}

const format = (c: PasswordCost, salt: Buffer, key: Buffer) => `scrypt$${c.N}$${c.r}$${c.p}$${salt.toString('base64')}$${key.toString('base64')}`;

interface Parsed {
  cost: PasswordCost;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((x) => Number.isSafeInteger(x) && x > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export interface Verified {
  ok: boolean;
  /** On success with a hash weaker than the current cost: the same password hashed at the current cost, to store. */
  rehash: string | null;
}

/** The app's password hasher at one cost (PASSWORD_COST; tests may pass a cheaper one, see AppOptions). */
export class Passwords {
  /** A stored hash no password matches (random key), at the current cost: verified against for unknown users. */
  private readonly decoy: string;

  constructor(readonly cost: PasswordCost = PASSWORD_COST) {
    this.decoy = format(cost, randomBytes(16), randomBytes(KEYLEN));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    return format(this.cost, salt, await derive(password, salt, KEYLEN, this.cost));
  }

  /** On the calling thread: only for start-up (the password of a scripted start) and tests' fixtures. */
  hashSync(password: string): string {
    const salt = randomBytes(16);
    const c = this.cost;
    return format(c, salt, scryptSync(password.normalize('NFKC'), salt, KEYLEN, { N: c.N, r: c.r, p: c.p, maxmem: maxmem(c) }));
  }

  /**
   * Checks a password against a stored hash (or against the decoy when `stored` is null or not a
   * hash: unknown user, password never set), always doing at least the work of one hash at the
   * current cost, so how long the answer takes does not tell whether the user exists.
   */
  async verify(password: string, stored: string | null): Promise<Verified> {
    const real = stored ? parse(stored) : null;
    const target = real ?? parse(this.decoy)!;
    const key = await derive(password, target.salt, target.key.length, target.cost);
    const ok = real !== null && key.length === target.key.length && timingSafeEqual(key, target.key);
    const current = real !== null && real.cost.N === this.cost.N && real.cost.r === this.cost.r && real.cost.p === this.cost.p;
    if (current || real === null) return { ok, rehash: null };
    // A hash made at another cost: the current-cost hash is computed either way (same time on failure).
    const rehash = await this.hash(password);
    return { ok, rehash: ok ? rehash : null };
  }
}

import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

// Which Host and Origin headers the court server answers (a DNS-rebinding page on a clerk's browser
// names its own host, which is refused). Clerks type what the administrator wrote down — often a
// bare intranet IP — so the server accepts: the names configured at setup, the address it listens
// on (or, listening on all interfaces, every address of this machine), this machine's own name, and
// the loopback names for the administrator on the server itself. Each with the port, and bare when
// the port is 443 (browsers leave the default port out).

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export interface HostCheck {
  /** True when a Host header names this server. */
  host(header: string | undefined): boolean;
  /** True when an Origin header is this server's own `https://` origin. */
  origin(header: string): boolean;
  /** The names as shown to the administrator (without port). */
  names(): string[];
}

/** Host names as they appear in a Host header: IPv6 in brackets, lower case. */
function hostForm(h: string): string {
  const bare = h.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

function localAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.push(a.address.replace(/%.*$/, ''));
  return out;
}

export function hostCheck(opts: { listenHost: string; port: number; names: readonly string[]; scheme: 'https' | 'http'; refreshMs?: number }): HostCheck {
  let allowed = new Set<string>();
  let plain: string[] = [];
  let computedAt = 0;
  const compute = () => {
    const base = new Set<string>(['localhost', '127.0.0.1', '::1', hostname(), ...opts.names]);
    if (WILDCARDS.has(opts.listenHost)) for (const a of localAddresses()) base.add(a);
    else base.add(opts.listenHost);
    plain = [...base];
    allowed = new Set<string>();
    const defaultPort = opts.scheme === 'https' ? 443 : 80;
    for (const h of base) {
      const f = hostForm(h);
      allowed.add(`${f}:${opts.port}`);
      if (opts.port === defaultPort) allowed.add(f);
    }
    computedAt = Date.now();
  };
  compute();
  // Addresses may change while the server runs (DHCP, a second network card): looked at again each minute.
  const fresh = () => {
    if (Date.now() - computedAt > (opts.refreshMs ?? 60_000)) compute();
  };
  return {
    host(header) {
      if (!header) return false;
      fresh();
      return allowed.has(header.toLowerCase());
    },
    origin(header) {
      fresh();
      const prefix = `${opts.scheme}://`;
      if (!header.toLowerCase().startsWith(prefix)) return false;
      return allowed.has(header.slice(prefix.length).toLowerCase());
    },
    names: () => [...plain],
  };
}

/** The plain loopback web mode: 127.0.0.1 and localhost on its port only. */
export function loopbackCheck(port: number): HostCheck {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    host: (h) => allowed.has(h ?? ''),
    origin: (o) => allowed.has(o.replace(/^http:\/\//, '')),
    names: () => ['127.0.0.1', 'localhost'],
  };
}

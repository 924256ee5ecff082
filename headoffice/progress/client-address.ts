/**
 * Who is asking, for the progress page's rate limit. By default the connection's own address: a
 * header is the client's to write, so `X-Forwarded-For` is believed only from a reverse proxy head
 * office was told to trust (`HEADOFFICE_TRUSTED_PROXIES`, addresses or CIDR ranges). Behind such
 * proxies the header is read from its right end, skipping trusted hops, and the first address not
 * trusted is the client: what a client put at the left end itself is never reached.
 */
import { BlockList, isIP } from 'node:net';

/** At most this many hops are read from the header (a chain of proxies is short). */
const MAX_HOPS = 20;

export type TrustedProxies = Readonly<{ has(address: string): boolean; size: number }>;

/** `10.0.0.5`, `10.0.0.0/8`, `fd00::/8`: each checked, or an error naming the one that is not. */
export function trustedProxies(entries: ReadonlyArray<string>): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.trim().split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`"${entry.slice(0, 60)}" is not an IP address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d{1,3}$/.test(bits) || prefix > (family === 6 ? 128 : 32))
        throw new Error(`"${entry.slice(0, 60)}" has a prefix length out of range`);
      list.addSubnet(address, prefix, type);
    }
  }
  const check = (address: string) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
    const family = isIP(mapped);
    return family !== 0 && list.check(mapped, family === 6 ? 'ipv6' : 'ipv4');
  };
  return { has: check, size: entries.length };
}

export const NO_PROXIES: TrustedProxies = { has: () => false, size: 0 };

/** The address a request is counted under. */
export function requestAddress(
  socketAddress: string,
  forwardedFor: string | string[] | undefined,
  proxies: TrustedProxies,
): string {
  if (proxies.size === 0 || !proxies.has(socketAddress) || forwardedFor === undefined) return socketAddress;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .slice(-MAX_HOPS);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return socketAddress;
    if (!proxies.has(hop)) return hop;
  }
  // Every hop is a trusted proxy: the leftmost one is where the request entered.
  return hops[0] && isIP(hops[0]) !== 0 ? hops[0] : socketAddress;
}

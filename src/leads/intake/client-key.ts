/**
 * Who "one client" is for rate limiting, without keeping anyone's address: a keyed hash
 * (HMAC, key derived from LEAD_ENCRYPTION_KEY) of the address and the UTC day. Keyed, so
 * the 4 billion IPv4 addresses cannot be hashed to reverse it; daily, so a stored key
 * cannot link one day's visits to another's.
 */
import { toHex } from '../runtime/base64.ts';

/** "YYYY-MM-DD/<32 hex>"; the day leads so a purge can drop whole days. */
export async function clientKey(hashKey: CryptoKey, ip: string | null, now: Date): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  const data = new TextEncoder().encode(`${day}|${normalizeIp(ip)}`);
  const mac = await crypto.subtle.sign('HMAC', hashKey, data);
  return `${day}/${toHex(mac).slice(0, 32)}`;
}

/**
 * One address per client: IPv4 as is, IPv6 by its /64 (one home or phone holds a whole
 * /64 and can hop within it at will), IPv4-mapped IPv6 as the IPv4 it maps.
 */
export function normalizeIp(ip: string | null): string {
  const text = (ip ?? '')
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  if (text === '') return 'unknown';
  if (!text.includes(':')) return text;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  return ipv6Prefix64(text) ?? text;
}

function ipv6Prefix64(text: string): string | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  // A trailing dotted IPv4 fills two 16-bit groups.
  const width = (list: string[]) => list.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const missing = 8 - width(head) - width(tail);
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const full = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  const prefix = full.slice(0, 4);
  if (!prefix.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return `${prefix.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

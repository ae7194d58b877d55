// Which IP addresses an outbound request (webhook, chat) may connect to. Pure: the check
// itself; lib/server/outbound/safe-request.ts applies it to every address a name resolves to.
import ipaddr from "ipaddr.js";

/**
 * True for a public unicast address. Everything else is refused: loopback, private (RFC 1918,
 * fc00::/7), link-local (169.254/16 — cloud metadata — and fe80::/10), carrier-grade NAT,
 * unspecified, multicast, broadcast, reserved, documentation ranges, 6to4/Teredo relays and
 * IPv4-mapped IPv6 forms of any of those (checked as the IPv4 address they carry). ipaddr.js
 * names the special ranges; "unicast" is what is left, so a range it adds later is refused too.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === "unicast";
}

import proxyaddr from "proxy-addr";
import { env } from "@/lib/env";

/**
 * The TCP peer's address. Next.js does not expose the socket to route handlers,
 * and `next start` only fills `X-Forwarded-For` from the socket when the client
 * sent none (`??=` in next/dist/server/base-server.js), so a client could choose
 * its own address. scripts/peer-address.cjs, preloaded into every server Galley
 * starts, overwrites this header with `socket.remoteAddress` on every request, so
 * its value is never the client's word.
 */
export const PEER_HEADER = "x-galley-peer";

type TrustFn = (addr: string, hop: number) => boolean;

let compiled: { raw: string | undefined; trust: TrustFn } | undefined;

/**
 * GALLEY_TRUSTED_PROXIES: unset/empty → trust nobody (the socket address is the
 * client); a number N → the N nearest hops are proxies; otherwise a comma list of
 * addresses/CIDRs (or proxy-addr's names loopback, linklocal, uniquelocal).
 */
export function compileTrust(raw: string | undefined): TrustFn {
  const value = raw?.trim() ?? "";
  if (value === "") return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_addr, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(",").map((s) => s.trim()));
}

function trust(): TrustFn {
  const raw = env().GALLEY_TRUSTED_PROXIES;
  if (!compiled || compiled.raw !== raw) compiled = { raw, trust: compileTrust(raw) };
  return compiled.trust;
}

/**
 * The client's address: the socket peer, unless it is a trusted proxy, in which
 * case the right-most `X-Forwarded-For` hop that is not a trusted proxy (the
 * same walk Express does, through proxy-addr, a well-kept library). Without the
 * peer header (a server not started by Galley's scripts) every caller is
 * "unknown": limits then apply to everyone together rather than to whatever
 * address a client claims.
 */
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string {
  const peer = get(PEER_HEADER)?.trim();
  if (!peer) return "unknown";
  const forwarded = get("x-forwarded-for") ?? undefined;
  const req = {
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
    headers: forwarded ? { "x-forwarded-for": forwarded } : {},
  };
  return proxyaddr(req as unknown as Parameters<typeof proxyaddr>[0], trust()) || "unknown";
}

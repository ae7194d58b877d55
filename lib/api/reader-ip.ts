import { hashIp } from "@/lib/auth/secrets";
import { authSecret, env } from "@/lib/env";
import { clientIpFromHeaders } from "./client-ip";

/**
 * The salted hash of a reader's IP, computed exactly as apiRoute computes
 * `ctx.ipHash`, for public routes outside /api/v1 (the no-JavaScript form post).
 */
export function readerIpHash(headers: Headers): string {
  const ip = clientIpFromHeaders((n) => headers.get(n));
  return hashIp(ip, env().GALLEY_IP_HASH_SALT ?? authSecret());
}

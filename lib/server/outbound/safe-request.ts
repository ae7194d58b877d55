// The one way Galley sends a request to a URL an admin typed in (webhooks, chat). Guards
// against server-side request forgery: only http(s); every address the host name resolves to
// must be public (lib/domain/outbound-address.ts) and the connection goes to the address that
// was checked — the check runs inside the socket's own DNS lookup, so a name that resolves to a
// public address for the check and a private one for the connection (DNS rebinding) cannot slip
// through. No redirect is followed (node:http never follows one; a 3xx is a failed attempt),
// and the whole exchange has a deadline. GALLEY_WEBHOOK_ALLOW_PRIVATE=1 lifts the address rule
// (tests, and intranet-only installations).
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isPublicAddress } from "@/lib/domain/outbound-address";
import { outboundUrlProblem } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";

/** The request was refused before it left: bad URL or a private/reserved address. */
export class OutboundRefused extends Error {}

export const OUTBOUND_TIMEOUT_MS = 10_000;
/** Bytes of the receiver's answer kept (for the delivery log and chat errors). */
const MAX_ANSWER_BYTES = 2048;

function refuseAddress(host: string, address: string): OutboundRefused {
  const what = host === address ? host : `${host} resolves to ${address}, which`;
  return new OutboundRefused(`${what} is a private, loopback or reserved address`);
}

/** dns.lookup with every answer checked; hands net.connect only checked addresses. */
const checkedLookup = ((
  hostname: string,
  options: dns.LookupOptions,
  callback: (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void,
) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    if (!env().GALLEY_WEBHOOK_ALLOW_PRIVATE) {
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      if (bad) return callback(refuseAddress(hostname, bad.address), "", 0);
    }
    if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), "", 0);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}) as net.LookupFunction;

/**
 * Refuses a URL that may not be called, before any connection: scheme and credentials, and an
 * IP-literal host (net.connect skips the lookup for those, so they are checked here).
 */
export function assertOutboundUrl(raw: string): URL {
  const problem = outboundUrlProblem(raw);
  if (problem) throw new OutboundRefused(`The URL ${problem}`);
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && !env().GALLEY_WEBHOOK_ALLOW_PRIVATE && !isPublicAddress(host)) {
    throw refuseAddress(host, host);
  }
  return url;
}

/**
 * Resolves the URL's host now and refuses it when any address is not public: the check at
 * creation, so an admin learns at once. Sending checks again (names can change).
 */
export async function assertOutboundHost(raw: string): Promise<void> {
  const url = assertOutboundUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) || env().GALLEY_WEBHOOK_ALLOW_PRIVATE) return;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch {
    throw new OutboundRefused(`The host ${host} does not resolve`);
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) throw refuseAddress(host, bad.address);
}

export interface OutboundAnswer {
  status: number;
  /** Until the answer's headers arrived. */
  durationMs: number;
  /** The start of the answer's body, as text. */
  body: string;
}

/** POSTs `body`; resolves with any HTTP answer (3xx included), rejects on refusal or network error. */
export function postSafely(
  raw: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = OUTBOUND_TIMEOUT_MS,
): Promise<OutboundAnswer> {
  const url = assertOutboundUrl(raw);
  const started = performance.now();
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      // A fresh agent per request: its sockets use checkedLookup, never a pooled connection
      // made under other rules.
      agent: false,
      lookup: checkedLookup,
    });
    const deadline = setTimeout(
      () => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    req.on("error", (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    req.on("response", (res) => {
      const durationMs = Math.round(performance.now() - started);
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          durationMs,
          body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_ANSWER_BYTES),
        });
      };
      res.on("data", (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
        // A receiver streaming a large answer is not waited for.
        if (size >= MAX_ANSWER_BYTES) {
          res.destroy();
          finish();
        }
      });
      res.on("end", finish);
      res.on("error", finish);
    });
    req.end(body);
  });
}

/**
 * A fetch-compatible POST over postSafely, for libraries that accept a `fetch` (@slack/webhook),
 * so chat messages obey the same rules as webhooks.
 */
export async function safeFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
  const answer = await postSafely(String(input), String(init?.body ?? ""), headers);
  // Response refuses a body for null-body statuses (204, 304…).
  const nullBody = [101, 204, 205, 304].includes(answer.status);
  return new Response(nullBody ? null : answer.body, { status: answer.status });
}

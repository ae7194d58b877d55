import { cli } from "../../tests/reliability/env";
import { msSince, timeRuns } from "./stats";

export const DEMO_PASSWORD = "galley-demo";

/** Seeds the demo users (and demo articles) and returns an API token for `email`. */
export async function seedDemoAndToken(databaseUrl: string, email: string): Promise<string> {
  await cli(databaseUrl, ["seed"], { GALLEY_DEMO: "1" });
  const out = await cli(databaseUrl, ["token:create", "--email", email, "--name", "bench"]);
  return out.trim().split("\n").at(-1)!;
}

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials flow; returns the Cookie header for later requests. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const session = cookiesFrom(res).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return [...jar, session].join("; ");
}

/** GET that must answer 200; returns the body text. */
export async function getOk(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

/** Sequential GETs: `warmup` untimed, then `n` timed to the last byte (milliseconds). */
export function timeGets(
  url: string,
  headers: Record<string, string>,
  opts: { n: number; warmup: number },
): Promise<number[]> {
  return timeRuns(() => getOk(url, headers), opts);
}

/** One timed request, for long operations such as a bulk upload. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: msSince(start) };
}

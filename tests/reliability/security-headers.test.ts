import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { seededDatabase } from "./env";

describe("security headers and cookies (production build)", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let app: AppServer;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_headers");
    app = await startAppServer({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it("sends a nonce-based CSP without unsafe-eval, nosniff and frame protection on pages", async () => {
    const res = await fetch(`${app.url}/signin`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // Every script Next emits carries this request's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${app.url}/signin`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("API answers carry nosniff and no-store", async () => {
    const res = await fetch(`${app.url}/api/v1/articles`);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toContain("no-store");
  });

  it("uses __Secure-/__Host- cookies with the Secure flag behind HTTPS", async () => {
    const plain = await fetch(`${app.url}/api/auth/csrf`);
    expect(plain.headers.get("set-cookie")).not.toContain("Secure");
    const https = await fetch(`${app.url}/api/auth/csrf`, {
      headers: { "x-forwarded-proto": "https" },
    });
    const cookie = https.headers.get("set-cookie") ?? "";
    expect(cookie).toContain("__Host-next-auth.csrf-token");
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });
});

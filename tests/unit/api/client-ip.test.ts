import { afterEach, describe, expect, it } from "vitest";
import { clientIpFromHeaders, compileTrust } from "@/lib/api/client-ip";
import { resetEnvCache } from "@/lib/env";

// Issue 12, item 4: the client address is the socket peer unless that peer is a
// configured proxy; then the right-most untrusted X-Forwarded-For hop.
const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

afterEach(() => {
  delete process.env.GALLEY_TRUSTED_PROXIES;
  resetEnvCache();
});

describe("clientIpFromHeaders", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    const get = headers({
      "x-galley-peer": "203.0.113.5",
      "x-forwarded-for": "10.0.0.1, 10.0.0.2",
    });
    expect(clientIpFromHeaders(get)).toBe("203.0.113.5");
  });

  it("is 'unknown' without the peer stamp, whatever X-Forwarded-For says", () => {
    expect(clientIpFromHeaders(headers({ "x-forwarded-for": "10.0.0.1" }))).toBe("unknown");
  });

  it("with a hop count, takes the hop just outside the trusted proxies", () => {
    process.env.GALLEY_TRUSTED_PROXIES = "1";
    resetEnvCache();
    const get = headers({
      "x-galley-peer": "10.0.0.9",
      "x-forwarded-for": "6.6.6.6, 198.51.100.7",
    });
    expect(clientIpFromHeaders(get)).toBe("198.51.100.7");
  });

  it("with a CIDR list, skips every trusted hop from the right", () => {
    process.env.GALLEY_TRUSTED_PROXIES = "10.0.0.0/8, 192.168.1.1";
    resetEnvCache();
    const get = headers({
      "x-galley-peer": "10.0.0.9",
      "x-forwarded-for": "6.6.6.6, 198.51.100.7, 192.168.1.1, 10.2.3.4",
    });
    expect(clientIpFromHeaders(get)).toBe("198.51.100.7");
  });

  it("uses the peer when it is not a trusted proxy, even with a CIDR list", () => {
    process.env.GALLEY_TRUSTED_PROXIES = "10.0.0.0/8";
    resetEnvCache();
    const get = headers({ "x-galley-peer": "203.0.113.5", "x-forwarded-for": "10.1.1.1" });
    expect(clientIpFromHeaders(get)).toBe("203.0.113.5");
  });

  it("rejects a malformed GALLEY_TRUSTED_PROXIES at start", () => {
    expect(() => compileTrust("10.0.0.0/99")).toThrow();
  });
});

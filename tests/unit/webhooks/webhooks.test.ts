import { describe, expect, it } from "vitest";
import { chatMessage, escapeMrkdwn } from "@/lib/domain/chat-message";
import { isPublicAddress } from "@/lib/domain/outbound-address";
import { readerEmail } from "@/lib/domain/reader-email";
import {
  MAX_DELIVERY_ATTEMPTS,
  RETRY_DELAYS_SECONDS,
  outboundUrlProblem,
  retryDelayMs,
  retryWindowSeconds,
} from "@/lib/domain/webhooks";

describe("webhook retry schedule", () => {
  it("keeps retrying for at least 24 hours in production, with growing waits", () => {
    expect(retryWindowSeconds()).toBeGreaterThanOrEqual(24 * 3600);
    expect(retryWindowSeconds()).toBe(27 * 3600 + 35 * 60 + 5);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
    for (let i = 1; i < RETRY_DELAYS_SECONDS.length; i++) {
      expect(RETRY_DELAYS_SECONDS[i]!).toBeGreaterThanOrEqual(RETRY_DELAYS_SECONDS[i - 1]!);
    }
    // The job that records failed attempt n schedules attempt n + 1 after retryDelayMs(n).
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => retryDelayMs(i + 1))
      .filter((d): d is number => d !== null)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(retryWindowSeconds() * 1000);
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });

  it("shrinks by GALLEY_JOB_RETRY_SCALE for tests", () => {
    expect(retryDelayMs(1, 0.001)).toBe(5);
    expect(retryDelayMs(7, 0.001)).toBe(36_000);
  });
});

describe("outbound address rules", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it("accepts only absolute http(s) URLs without credentials", () => {
    expect(outboundUrlProblem("https://cms.example/hook")).toBeNull();
    expect(outboundUrlProblem("http://cms.example:8080/hook?x=1")).toBeNull();
    expect(outboundUrlProblem("ftp://cms.example/hook")).toBe("must be an http(s) URL");
    expect(outboundUrlProblem("file:///etc/passwd")).toBe("must be an http(s) URL");
    expect(outboundUrlProblem("/relative")).toBe("is not an absolute URL");
    expect(outboundUrlProblem("https://u:p@cms.example/")).toBe(
      "must not carry a user name or password",
    );
  });
});

describe("chat messages", () => {
  it("escapes untrusted titles for Slack mrkdwn", () => {
    expect(escapeMrkdwn("<!channel> & <https://x|y>")).toBe(
      "&lt;!channel&gt; &amp; &lt;https://x|y&gt;",
    );
    const msg = chatMessage(
      "correction.published",
      { title: "<!here>", slug: "s", articleId: "a", outlet: "O", baseUrl: null },
      { note: "fixed <b>" },
    );
    expect(msg.text).toBe(":memo: Correction published on “&lt;!here&gt;”: fixed &lt;b&gt;");
  });
});

describe("the reader email", () => {
  it("names the article and the correction, in plain text with no tracking", () => {
    const m = readerEmail({
      outcome: "accepted",
      title: "Budget vote",
      outlet: "Daily",
      correction: { publishedAt: "2026-11-30T10:00:00.000Z", note: "Fixed the figure" },
      articleUrl: "https://news.example/read/budget-vote",
    });
    expect(m.subject).toBe("Corrected: Budget vote");
    expect(m.text).toContain("“Budget vote” (Daily)");
    expect(m.text).toContain("Correction published 2026-11-30: Fixed the figure");
    expect(m.text).toContain("The article: https://news.example/read/budget-vote\n");
    expect(m.text).not.toMatch(/<[a-z]|\?|utm_/i);
  });
});

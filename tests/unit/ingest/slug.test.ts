import { describe, expect, it } from "vitest";
import { SLUG_PATTERN, makeSlug, slugBase, slugFollowingTitle } from "@/lib/ingest/identity";

describe("slugs", () => {
  it("makes a readable base with a six-character suffix", () => {
    expect(slugBase("Seoul to pledge ₩10 billion — for chips")).toBe(
      "seoul-to-pledge-10-billion-for-chips",
    );
    expect(makeSlug("Café au lait", "abc123")).toBe("cafe-au-lait-abc123");
    expect(makeSlug("서울", "abc123")).toBe("article-abc123");
    expect(makeSlug("Anything")).toMatch(/^anything-[0-9a-z]{6}$/);
    expect(SLUG_PATTERN.test(makeSlug("Anything at all!"))).toBe(true);
  });

  it("follows a corrected headline, keeping the suffix", () => {
    expect(
      slugFollowingTitle("Seoul pledges 10 trillion won", "seoul-pledges-10-billion-won-k3x9qa"),
    ).toBe("seoul-pledges-10-trillion-won-k3x9qa");
  });

  it("offers nothing when the slug already follows the headline", () => {
    expect(
      slugFollowingTitle("Seoul pledges 10 billion won!", "seoul-pledges-10-billion-won-k3x9qa"),
    ).toBeNull();
    expect(slugFollowingTitle("한국어 제목", "article-k3x9qa")).toBeNull();
  });

  it("gives a slug without a recognisable suffix a fresh one", () => {
    expect(slugFollowingTitle("New headline", "hand-made")).toMatch(/^new-headline-[0-9a-z]{6}$/);
  });
});

import { describe, expect, it } from "vitest";
import { canonicalUrl, matchCanonicalUrl } from "@/lib/domain/outlet-urls";
import {
  canonicalUrlPatternProblem,
  originProblem,
  outletCreateSchema,
  outletPatchSchema,
} from "@/lib/validation/outlets";

describe("originProblem", () => {
  it("accepts exact browser origins only", () => {
    expect(originProblem("https://news.example")).toBeNull();
    expect(originProblem("http://localhost:3311")).toBeNull();
    expect(originProblem("https://news.example/")).toMatch(/did you mean https:\/\/news.example/);
    expect(originProblem("https://news.example/path")).toMatch(/nothing after it/);
    expect(originProblem("https://News.Example")).toMatch(/did you mean https:\/\/news.example/);
    expect(originProblem("https://news.example:443")).toMatch(/did you mean/);
    expect(originProblem("https://*.news.example")).not.toBeNull();
    expect(originProblem("ftp://news.example")).toMatch(/http\(s\)/);
    expect(originProblem("https://user:pw@news.example")).toMatch(/user name/);
    expect(originProblem("null")).not.toBeNull();
    expect(originProblem("news.example")).not.toBeNull();
  });
});

describe("outlet schemas", () => {
  it("validates time zone, URL pattern and origins, and keeps the name out of PATCH", () => {
    expect(outletCreateSchema.parse({ name: " Daily " })).toMatchObject({
      name: "Daily",
      allowedOrigins: [],
      timeZone: null,
    });
    expect(outletCreateSchema.safeParse({ name: "D", timeZone: "Mars/Olympus" }).success).toBe(
      false,
    );
    expect(outletCreateSchema.safeParse({ name: "D", timeZone: "Asia/Seoul" }).success).toBe(true);
    expect(
      outletCreateSchema.safeParse({ name: "D", allowedOrigins: ["https://a.example/"] }).success,
    ).toBe(false);
    expect(outletPatchSchema.safeParse({ name: "Renamed" }).success).toBe(false);
    expect(outletPatchSchema.safeParse({}).success).toBe(false);
  });

  it("requires a placeholder in the canonical URL pattern", () => {
    expect(canonicalUrlPatternProblem("https://news.example/a/{externalId}")).toBeNull();
    expect(canonicalUrlPatternProblem("https://news.example/{slug}.html")).toBeNull();
    expect(canonicalUrlPatternProblem("https://news.example/a/")).toMatch(/must contain/);
    expect(canonicalUrlPatternProblem("https://news.example/{id}/{slug}")).toMatch(/only use/);
    expect(canonicalUrlPatternProblem("javascript:{slug}")).toMatch(/http/);
  });
});

describe("canonical URLs", () => {
  const pattern = "https://news.example/a/{externalId}";
  it("reads the article key from a page address, ignoring query and fragment", () => {
    expect(matchCanonicalUrl(pattern, "https://news.example/a/123?utm=x#top")).toEqual({
      externalId: "123",
    });
    expect(matchCanonicalUrl(pattern, "https://news.example/a/123/more")).toBeNull();
    expect(matchCanonicalUrl(pattern, "https://evil.example/a/123")).toBeNull();
    expect(
      matchCanonicalUrl("https://n.example/{slug}.html", "https://n.example/x-y.html"),
    ).toEqual({ slug: "x-y" });
    expect(
      matchCanonicalUrl("https://n.example/{slug}.html", "https://nXexample/x.html"),
    ).toBeNull();
  });

  it("builds the address both ways", () => {
    expect(canonicalUrl(pattern, { externalId: "a b", slug: "s" })).toBe(
      "https://news.example/a/a%20b",
    );
    expect(matchCanonicalUrl(pattern, "https://news.example/a/a%20b")).toEqual({
      externalId: "a b",
    });
    expect(canonicalUrl(pattern, { externalId: null, slug: "s" })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

// Issue 12, item 5: no callback may lead off the site, however it is spelled.
describe("safeCallbackPath", () => {
  it.each([
    "/\\evil.example/phish",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "data:text/html,hi",
    " //evil.example",
    "\u0000//evil.example",
  ])("sends %j to the fallback", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/articles");
  });

  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/articles/abc?tab=history#seg-2")).toBe(
      "/articles/abc?tab=history#seg-2",
    );
    expect(safeCallbackPath("/feedback")).toBe("/feedback");
    // A scheme-relative spelling of the same scheme is a path on this site.
    expect(safeCallbackPath("http:evil.example")).toBe("/evil.example");
  });

  it("falls back for anything that is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/articles");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/articles");
  });
});

import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate, formatLongDateTime, isTimeZone } from "@/lib/format-time";

const AT = "2026-11-30T20:05:00.000Z";

describe("dates in a named time zone", () => {
  it("shows the time in the zone and names it", () => {
    expect(formatDateTime(AT, "UTC")).toBe("2026-11-30 20:05 UTC");
    expect(formatDateTime(AT, "Asia/Seoul")).toBe("2026-12-01 05:05 Asia/Seoul");
    expect(formatDateTime(AT, "America/New_York")).toBe("2026-11-30 15:05 America/New_York");
  });

  it("gives readers the day and time in the zone", () => {
    expect(formatLongDate(AT, "Asia/Seoul")).toBe("1 December 2026");
    expect(formatLongDateTime(AT, "Asia/Seoul")).toBe("1 December 2026 at 05:05 Asia/Seoul");
  });

  it("knows IANA names from anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

// Every date the workbench and the public pages show goes through here, in one time zone
// (GALLEY_TIME_ZONE, or the user's preference in the workbench), with the zone named.

/** "3 h ago"-style age for lists; exact times go in title attributes. */
export function age(iso: string | Date, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  const min = Math.round(ms / 60_000);
  if (min < 1) return "just now";
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** True for an IANA zone name this runtime knows ("Asia/Seoul", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, Intl.DateTimeFormat>();
function parts(d: Date, timeZone: string, withTime: boolean): Record<string, string> {
  const key = `${timeZone}|${withTime}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    cache.set(key, fmt);
  }
  return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
}

/** "2026-11-30 17:39 Asia/Seoul" ("… UTC" in UTC). */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  const p = parts(new Date(iso), timeZone, true);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${timeZone}`;
}

const longDates = new Map<string, Intl.DateTimeFormat>();
/** "30 November 2026" in the zone: for a reader, a day is enough (the zone goes beside it). */
export function formatLongDate(iso: string | Date, timeZone: string): string {
  let fmt = longDates.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone });
    longDates.set(timeZone, fmt);
  }
  return fmt.format(new Date(iso));
}

const longDateTimes = new Map<string, Intl.DateTimeFormat>();
/** "30 November 2026 at 17:39 Asia/Seoul": for readers, with the zone named. */
export function formatLongDateTime(iso: string | Date, timeZone: string): string {
  let fmt = longDateTimes.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone });
    longDateTimes.set(timeZone, fmt);
  }
  return `${fmt.format(new Date(iso))} ${timeZone}`;
}

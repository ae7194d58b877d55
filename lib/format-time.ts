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

export function formatDateTime(iso: string | Date): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

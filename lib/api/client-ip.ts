// The reader's address as the app sees it: the first X-Forwarded-For hop when a
// proxy sets it (deploy behind one you trust), else X-Real-IP, else "unknown".
export function clientIpFromHeaders(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for");
  if (forwarded) {
    const first = forwarded.split(",")[0]?.trim();
    if (first) return first;
  }
  return get("x-real-ip")?.trim() || "unknown";
}

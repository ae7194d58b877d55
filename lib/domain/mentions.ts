// @mentions in comments: "@riley" names the user whose email local part is
// "riley" or whose name, without spaces, is "Riley" (case-insensitive); a first
// name alone ("@Riley" for "Riley Kim") counts only when it is unambiguous.
// Unknown handles are plain text.

export interface Mentionable {
  id: string;
  email: string;
  name: string;
}

const HANDLE = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** Handles written in the text, in order, without the "@", trailing dots removed. */
export function mentionHandles(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HANDLE)) out.push(m[2]!.replace(/[._-]+$/u, ""));
  return out;
}

export function resolveMentions(text: string, users: Mentionable[]): Mentionable[] {
  const key = (s: string) => s.toLocaleLowerCase("en");
  const byHandle = new Map<string, Mentionable>();
  const firstNames = new Map<string, Mentionable[]>();
  for (const u of users) {
    byHandle.set(key(u.email.split("@")[0]!), u);
    byHandle.set(key(u.name.replace(/\s+/gu, "")), u);
    const first = key(u.name.trim().split(/\s+/u)[0] ?? "");
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), u]);
  }
  const found = new Map<string, Mentionable>();
  for (const handle of mentionHandles(text)) {
    const h = key(handle);
    const user =
      byHandle.get(h) ?? (firstNames.get(h)?.length === 1 ? firstNames.get(h)![0] : undefined);
    if (user) found.set(user.id, user);
  }
  return [...found.values()];
}

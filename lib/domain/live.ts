// Live article events: what one app instance tells the others through PostgreSQL
// NOTIFY, and how an event stream frames it for the browser (Server-Sent Events).
// Notices carry ids, numbers and names only, never article text: a listener learns
// *that* something changed and fetches it through the routes that check permissions.

import { z } from "zod";
import { ArticleStatus } from "./types";

const person = z.object({ name: z.string(), email: z.string() });
export type LivePerson = z.infer<typeof person>;

export const liveNoticeSchema = z.discriminatedUnion("type", [
  /** Someone opened, left or moved focus: receivers re-read the presence table. */
  z.object({ type: z.literal("presence"), articleId: z.string() }),
  z.object({
    type: z.literal("revision"),
    articleId: z.string(),
    revision: z.number().int(),
    kind: z.string(),
    by: person,
    /** Indexes of the segments this revision changed. */
    segments: z.array(z.number().int()),
    status: z.enum(ArticleStatus),
    at: z.string(),
  }),
  z.object({
    type: z.literal("status"),
    articleId: z.string(),
    from: z.enum(ArticleStatus),
    to: z.enum(ArticleStatus),
    revision: z.number().int(),
    by: person.nullable(),
    at: z.string(),
  }),
  z.object({
    type: z.literal("comment"),
    articleId: z.string(),
    action: z.enum(["created", "resolved", "reopened"]),
    commentId: z.string(),
    /** The thread's first comment (the comment itself when it starts a thread). */
    threadId: z.string(),
    segmentIndex: z.number().int().nullable(),
    by: person,
    at: z.string(),
  }),
]);
export type LiveNotice = z.infer<typeof liveNoticeSchema>;
export type LiveEventName = LiveNotice["type"];

/** A notice from the channel, or null for anything malformed (never trusted blindly). */
export function parseLiveNotice(raw: string): LiveNotice | null {
  try {
    const parsed = liveNoticeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One open stream on the article, as the `presence` event lists it. */
export interface PresenceEntry {
  connectionId: string;
  name: string;
  email: string;
  segmentIndex: number | null;
}

/** One Server-Sent Event; `data` is JSON on a single line, so no line can be forged. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies and the browser from timing the stream out. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, " ")}\n\n`;
}

/** "Riley Kim" → "RK"; one-word names give one letter. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join("") || "?";
}

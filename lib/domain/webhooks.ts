// Outbound webhooks and chat notifications (issue 17): the event vocabulary, the retry
// schedule and the URL rules. Pure: shared by the API contracts, the admin page and the
// job queue's tasks (lib/server/jobs).
import { CHAT_EVENTS } from "@/lib/validation/outlets";

/** Every event a webhook can subscribe to, named exactly as the issue names them. */
export const WEBHOOK_EVENTS = [
  "article.ingested",
  "article.status_changed",
  "revision.saved",
  "article.published",
  "correction.published",
  "feedback.received",
  "feedback.triaged",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What an outlet's chat channel can be told (Outlet.chatEvents, declared with its schema). */
export { CHAT_EVENTS };
export type ChatEvent = (typeof CHAT_EVENTS)[number];

/**
 * Seconds to wait before each retry after a failed attempt: the schedule Standard Webhooks'
 * reference service (Svix) uses. Attempt 1 is immediate; 8 attempts over 27 h 35 min 5 s, so a
 * receiver that is down for a whole day still gets the event. Past the last one the delivery is
 * FAILED and an admin can retry it by hand.
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/** Attempts in all: the first plus one per retry delay. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * Milliseconds to wait after failed attempt `attempt` (1-based), or null when it was the last.
 * `scale` shrinks the schedule for tests (GALLEY_JOB_RETRY_SCALE); production uses 1.
 */
export function retryDelayMs(attempt: number, scale = 1): number | null {
  const seconds = RETRY_DELAYS_SECONDS[attempt - 1];
  return seconds === undefined ? null : Math.round(seconds * 1000 * scale);
}

/** From the first attempt to the last, in seconds, with the production schedule. */
export function retryWindowSeconds(): number {
  return RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0);
}

/** Bodies sent per event: `{ type, timestamp, data }` (Standard Webhooks' recommended shape). */
export interface WebhookBody<D = unknown> {
  type: WebhookEvent;
  timestamp: string;
  data: D;
}

/**
 * Why an outbound URL is refused before any lookup, or null. Only absolute http(s) URLs with a
 * host, no credentials (they would be sent to the receiver in clear in every request).
 */
export function outboundUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http(s) URL";
  if (!url.hostname) return "has no host";
  if (url.username || url.password) return "must not carry a user name or password";
  return null;
}

/** A `whsec_` secret: Standard Webhooks' prefix and 32 random bytes in base64. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { listener } from "@/lib/db";
import {
  parseLiveNotice,
  sseComment,
  sseEvent,
  type LiveNotice,
  type PresenceEntry,
} from "@/lib/domain/live";
import { joinPresence, leavePresence, listPresence, renewPresence } from "./presence";
import { LIVE_CHANNEL } from "./publish";

/** A comment line this often keeps the connection open and renews presence. */
export const HEARTBEAT_MS = 15_000;
/** Default stream lifetime; the browser's EventSource reconnects by itself after it. */
export const DEFAULT_STREAM_SECONDS = 300;

export interface ArticleStreamOptions {
  articleId: string;
  user: UserActor;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  maxSeconds?: number;
  heartbeatMs?: number;
}

/**
 * The article's live events as Server-Sent Events: `ready` (this stream's
 * connection id), `presence` (everyone here now), then `revision`, `status` and
 * `comment` as other writers commit them, from any instance (PostgreSQL
 * LISTEN/NOTIFY). Throws before streaming for an unknown article (404) or a user
 * over the stream limit (429). The caller has checked read permission.
 */
export async function openArticleStream(
  opts: ArticleStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const { articleId, user } = opts;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let lastPresence = "";
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;

  const send = (chunk: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      void close();
    }
  };

  // Presence notices only say "changed"; the table is the truth. Concurrent
  // notices coalesce into one more read, and an unchanged list is not re-sent.
  const refreshPresence = (force = false): Promise<void> => {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        const list: PresenceEntry[] = await listPresence(articleId).catch(() => []);
        const key = JSON.stringify(list);
        if (force || key !== lastPresence) {
          lastPresence = key;
          send(sseEvent("presence", { users: list }));
        }
        force = false;
      } while (refreshAgain && !closed);
    })().finally(() => (refreshing = null));
    return refreshing;
  };

  const onNotice = (raw: string) => {
    const notice = parseLiveNotice(raw);
    if (!notice || notice.articleId !== articleId || closed) return;
    if (notice.type === "presence") void refreshPresence();
    else send(sseEvent(notice.type, publicPart(notice)));
  };

  // LISTEN first, then join: our own join notice (and everything after it) arrives.
  const live = listener();
  const unlisten = await live.listen(LIVE_CHANNEL, onNotice);
  const stopResync = live.onReconnect(() => {
    // Notices sent while the connection was down are lost: tell the client to re-read.
    send(sseEvent("resync", {}));
    void refreshPresence(true);
  });
  let connectionId: string;
  try {
    connectionId = await joinPresence(articleId, user);
  } catch (err) {
    unlisten();
    stopResync();
    throw err;
  }

  let heartbeat: NodeJS.Timeout | undefined;
  let lifetime: NodeJS.Timeout | undefined;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      opts.signal.removeEventListener("abort", onAbort);
      unlisten();
      stopResync();
      try {
        controller?.close();
      } catch {
        // already closed or cancelled by the client
      }
      await leavePresence(connectionId, articleId).catch(() => {});
    })();
    return closing;
  };
  const onAbort = () => void close();
  opts.signal.addEventListener("abort", onAbort);

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      send(`retry: 3000\n\n`);
      send(sseEvent("ready", { connectionId }));
      if (opts.signal.aborted) {
        void close();
        return;
      }
      void refreshPresence(true);
      heartbeat = setInterval(() => {
        send(sseComment("heartbeat"));
        // Renewal keeps this stream listed; the re-read drops streams whose
        // instance stopped renewing them (a crash sends no "left" notice).
        void renewPresence(connectionId, articleId, user.userId)
          .catch(() => {})
          .then(() => refreshPresence());
      }, opts.heartbeatMs ?? HEARTBEAT_MS);
      lifetime = setTimeout(() => void close(), (opts.maxSeconds ?? DEFAULT_STREAM_SECONDS) * 1000);
    },
    cancel() {
      return close();
    },
  });
}

/** The event's data: the notice without its routing field. */
function publicPart(notice: Exclude<LiveNotice, { type: "presence" }>) {
  const { articleId: _articleId, type: _type, ...rest } = notice;
  return rest;
}

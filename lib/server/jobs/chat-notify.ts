// The job that posts one chat notification to an outlet's incoming webhook (task "chat.notify"),
// with @slack/webhook over the SSRF-safe client (same URL rules as webhooks). A failure throws,
// so graphile-worker retries it with its own exponential backoff (JOB_MAX_ATTEMPTS).
import "server-only";
import { IncomingWebhook } from "@slack/webhook";
import { db } from "@/lib/db";
import { chatMessage } from "@/lib/domain/chat-message";
import type { ChatEvent } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { OUTBOUND_TIMEOUT_MS, safeFetch } from "../outbound/safe-request";

export interface ChatPayload {
  outletId: string;
  articleId: string;
  event: ChatEvent;
  facts: Record<string, unknown>;
}

export async function notifyChat(payload: ChatPayload): Promise<void> {
  // Read by id, as enqueued, with the two columns needed; a deleted outlet (getOutlet in
  // lib/server/outlets.ts would answer 404) just means there is nothing to send.
  const [outlet, article] = await Promise.all([
    db().outlet.findUnique({
      where: { id: payload.outletId },
      select: { name: true, chatWebhookUrl: true, chatEvents: true },
    }),
    db().article.findUnique({
      where: { id: payload.articleId },
      select: { id: true, slug: true, title: true },
    }),
  ]);
  // The outlet turned chat off (or this event) since: nothing to send.
  if (!outlet?.chatWebhookUrl || !outlet.chatEvents.includes(payload.event) || !article) return;
  const message = chatMessage(
    payload.event,
    {
      title: article.title,
      slug: article.slug,
      articleId: article.id,
      outlet: outlet.name,
      baseUrl: env().NEXTAUTH_URL?.replace(/\/+$/, "") ?? null,
    },
    payload.facts,
  );
  const hook = new IncomingWebhook(outlet.chatWebhookUrl, {
    fetch: safeFetch,
    timeout: OUTBOUND_TIMEOUT_MS,
  });
  await hook.send(message);
}

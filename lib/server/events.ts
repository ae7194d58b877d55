// The outbox (ADR 013): every write path that an outside system may want to hear about calls
// emitEvent(s) with its own transaction. That writes a WebhookDelivery for each webhook
// subscribed to the event and adds a graphile-worker job per delivery, plus a chat job when the
// article's outlet asked for this event in chat. Committed with the event, or rolled back with
// it: no event is announced that did not happen, none that happened is lost. An event nobody
// wants costs one cheap statement (the public feedback intake is a hot path).
import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { ChatEvent, WebhookBody, WebhookEvent } from "@/lib/domain/webhooks";

/** Attempts graphile-worker makes of one job when the task itself crashes (not a failed POST). */
export const JOB_MAX_ATTEMPTS = 10;

export interface EventItem<D> {
  /** The article it concerns: the chat notification goes to that article's outlet. */
  articleId: string;
  data: D;
  /** Facts for the chat message (lib/server/jobs/chat-notify.ts) when the outlet wants it. */
  chat?: { event: ChatEvent; facts: Record<string, unknown> };
}

export async function emitEvent<D>(tx: Tx, type: WebhookEvent, item: EventItem<D>): Promise<void> {
  await emitEvents(tx, type, [item]);
}

/** Many events of one type (a bulk import batch, a bulk triage) in one or two statements. */
export async function emitEvents<D>(
  tx: Tx,
  type: WebhookEvent,
  items: EventItem<D>[],
): Promise<void> {
  if (items.length === 0) return;
  const wanted = await whoWants(tx, type, items);
  if (wanted.webhooks || wanted.chat) await writeOutbox(tx, type, items, wanted.webhooks);
}

/**
 * For events whose data is costly to build (the full public text of a publication): builds it
 * only when a webhook subscribes to `type`; the chat part is sent either way.
 */
export async function emitCostlyEvent<D>(
  tx: Tx,
  type: WebhookEvent,
  item: Omit<EventItem<D>, "data"> & { data: () => Promise<D> },
): Promise<void> {
  const wanted = await whoWants(tx, type, [item]);
  if (!wanted.webhooks && !wanted.chat) return;
  const data = wanted.webhooks ? await item.data() : (null as D);
  await writeOutbox(tx, type, [{ ...item, data }], wanted.webhooks);
}

/**
 * Whether any webhook subscribes to `type`, and whether any of the articles' outlets wants its
 * chat event. The common answer is "no one": then this is the event's only statement, and a
 * plain one (measured ~0.7 ms against ~1.3 ms for the outbox write below, which PostgreSQL plans
 * afresh each time).
 */
async function whoWants(
  tx: Tx,
  type: WebhookEvent,
  items: Pick<EventItem<unknown>, "articleId" | "chat">[],
): Promise<{ webhooks: boolean; chat: boolean }> {
  const chatEvent = items.find((i) => i.chat)?.chat?.event ?? null;
  const articleIds = [...new Set(items.filter((i) => i.chat).map((i) => i.articleId))];
  const rows = await tx.$queryRaw<{ webhooks: boolean; chat: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Webhook" WHERE ${type} = ANY("events")) AS webhooks,
      EXISTS (SELECT 1 FROM "Article" a JOIN "Outlet" o ON o."name" = a."outlet"
        WHERE a."id" = ANY(${articleIds}::text[]) AND o."chatWebhookUrl" IS NOT NULL
          AND ${chatEvent}::text = ANY(o."chatEvents")) AS chat`;
  return { webhooks: rows[0]?.webhooks === true, chat: rows[0]?.chat === true };
}

/**
 * The outbox write, one statement: a WebhookDelivery per subscribed webhook and event with its
 * webhook.deliver job, and a chat.notify job per event whose outlet wants it.
 */
async function writeOutbox<D>(
  tx: Tx,
  type: WebhookEvent,
  items: EventItem<D>[],
  toWebhooks: boolean,
): Promise<void> {
  await tx.$executeRaw`WITH ${outboxCtes(type, items, toWebhooks)}
    SELECT count(*) FROM outbox_jobs`;
}

/**
 * The outbox write as CTEs (outbox_ev, outbox_deliveries, outbox_chats, outbox_jobs), for a
 * caller that writes its change and the event in one data-modifying statement (the public
 * feedback intake, lib/server/feedback-intake.ts). It needs no probe: it writes only what a
 * webhook or an outlet's chat subscribes to. The jobs are added as outbox_jobs is read, so the
 * statement must read it (e.g. `SELECT count(*) FROM outbox_jobs`).
 */
export function eventOutboxCtes<D>(
  type: WebhookEvent,
  items: EventItem<D>[],
  /** Emit only when this holds (evaluated in the same statement); by default always. */
  when: Prisma.Sql = Prisma.sql`true`,
): Prisma.Sql {
  return outboxCtes(type, items, true, when);
}

function outboxCtes<D>(
  type: WebhookEvent,
  items: EventItem<D>[],
  toWebhooks: boolean,
  when: Prisma.Sql = Prisma.sql`true`,
): Prisma.Sql {
  const timestamp = new Date().toISOString();
  const bodies = items.map((i) =>
    JSON.stringify({ type, timestamp, data: i.data } satisfies WebhookBody<D>),
  );
  const chatEvent = items.find((i) => i.chat)?.chat?.event ?? null;
  return Prisma.sql`outbox_ev AS (
      SELECT * FROM unnest(${items.map((i) => i.articleId)}::text[], ${bodies}::text[],
        ${items.map((i) => (i.chat ? JSON.stringify(i.chat.facts) : null))}::text[])
        AS e(article_id, body, chat_facts)
      WHERE ${when}
    ), outbox_deliveries AS (
      INSERT INTO "WebhookDelivery" ("id", "webhookId", "eventType", "body")
      SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), w."id", ${type}, ev.body
      FROM outbox_ev ev CROSS JOIN "Webhook" w
      WHERE ${toWebhooks} AND ${type} = ANY(w."events")
      RETURNING "id"
    ), outbox_chats AS (
      SELECT o."id" AS outlet_id, a."id" AS article_id, ev.chat_facts
      FROM outbox_ev ev JOIN "Article" a ON a."id" = ev.article_id
        JOIN "Outlet" o ON o."name" = a."outlet"
      WHERE ev.chat_facts IS NOT NULL AND o."chatWebhookUrl" IS NOT NULL
        AND ${chatEvent}::text = ANY(o."chatEvents")
    ), outbox_jobs AS (
      SELECT j.id FROM outbox_deliveries deliveries,
        LATERAL graphile_worker.add_job('webhook.deliver', json_build_object('deliveryId', deliveries."id"),
          max_attempts := ${JOB_MAX_ATTEMPTS}) j
      UNION ALL
      SELECT j.id FROM outbox_chats chats,
        LATERAL graphile_worker.add_job('chat.notify', json_build_object('outletId', chats.outlet_id,
          'articleId', chats.article_id, 'event', ${chatEvent}::text, 'facts', chats.chat_facts::json),
          max_attempts := ${JOB_MAX_ATTEMPTS}) j
    )`;
}

/** Adds one job in the caller's transaction (reader emails, scheduled webhook retries). */
export async function addJob(
  tx: Tx,
  task: string,
  payload: Record<string, unknown>,
  opts: { runAt?: Date; jobKey?: string } = {},
): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json,
      run_at := ${opts.runAt ?? null}::timestamptz, max_attempts := ${JOB_MAX_ATTEMPTS},
      job_key := ${opts.jobKey ?? null}::text)`;
}

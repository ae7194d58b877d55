// Webhook subscriptions and their delivery log (admin, permission manage:webhooks). Each change
// is one transaction with its audit event; the secret leaves the server once, in the answer to
// the create call.
import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { db, transaction } from "@/lib/db";
import type { WebhookEvent } from "@/lib/domain/webhooks";
import { badRequest, notFound } from "@/lib/errors";
import { appendAudit } from "./audit";
import { addJob } from "./events";
import { assertOutboundHost, OutboundRefused } from "./outbound/safe-request";
import { newWebhookSecret, sealSecret } from "./webhook-secrets";

export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  createdAt: string;
  /** Deliveries by state, for the list. */
  counts: { pending: number; succeeded: number; failed: number };
}

export interface CreateWebhookInput {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

/** Refuses a URL that could not be delivered to (scheme, credentials, private address). */
export async function checkWebhookUrl(url: string): Promise<void> {
  try {
    await assertOutboundHost(url);
  } catch (err) {
    if (err instanceof OutboundRefused) {
      throw badRequest(err.message, { issues: [{ path: "url", message: err.message }] });
    }
    throw err;
  }
}

export async function createWebhook(
  input: CreateWebhookInput,
  actor: UserActor,
  requestId?: string,
): Promise<WebhookView & { secret: string }> {
  await checkWebhookUrl(input.url);
  const secret = newWebhookSecret();
  const events = [...new Set(input.events)];
  const created = await transaction(async (tx) => {
    const row = await tx.webhook.create({
      data: {
        url: input.url,
        events,
        description: input.description?.trim() ?? "",
        secretCiphertext: sealSecret(secret),
        createdById: actor.userId,
      },
    });
    await appendAudit(tx, {
      actor,
      action: "webhook.create",
      entityType: "webhook",
      entityId: row.id,
      data: { url: row.url, events },
      requestId,
    });
    return row;
  });
  return {
    id: created.id,
    url: created.url,
    events: created.events as WebhookEvent[],
    description: created.description,
    createdAt: created.createdAt.toISOString(),
    counts: { pending: 0, succeeded: 0, failed: 0 },
    secret,
  };
}

export async function listWebhooks(): Promise<WebhookView[]> {
  const [hooks, counts] = await Promise.all([
    db().webhook.findMany({ orderBy: { createdAt: "asc" } }),
    db().webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } }),
  ]);
  return hooks.map((h) => {
    const of = (...statuses: string[]) =>
      counts
        .filter((c) => c.webhookId === h.id && statuses.includes(c.status))
        .reduce((n, c) => n + c._count._all, 0);
    return {
      id: h.id,
      url: h.url,
      events: h.events as WebhookEvent[],
      description: h.description,
      createdAt: h.createdAt.toISOString(),
      counts: {
        pending: of("PENDING", "RETRYING"),
        succeeded: of("SUCCEEDED"),
        failed: of("FAILED"),
      },
    };
  });
}

export async function getWebhook(id: string): Promise<WebhookView> {
  const hook = (await listWebhooks()).find((h) => h.id === id);
  if (!hook) throw notFound("Webhook");
  return hook;
}

export async function deleteWebhook(id: string, actor: UserActor, requestId?: string) {
  await transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id } });
    if (!hook) throw notFound("Webhook");
    // Its deliveries and their log go with it (cascade); queued jobs then find nothing to do.
    await tx.webhook.delete({ where: { id } });
    await appendAudit(tx, {
      actor,
      action: "webhook.delete",
      entityType: "webhook",
      entityId: id,
      data: { url: hook.url, events: hook.events },
      requestId,
    });
  });
}

export interface DeliveryView {
  id: string;
  eventType: string;
  status: "PENDING" | "RETRYING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  log: {
    attempt: number;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
    manual: boolean;
    at: string;
  }[];
}

export const DELIVERIES_PAGE = 50;

/** The newest deliveries of a webhook with every attempt (the delivery log). */
export async function listDeliveries(webhookId: string, limit = DELIVERIES_PAGE) {
  const hook = await db().webhook.findUnique({ where: { id: webhookId }, select: { id: true } });
  if (!hook) throw notFound("Webhook");
  const rows = await db().webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { log: { orderBy: { attempt: "asc" } } },
  });
  return rows.map((d): DeliveryView => ({
    id: d.id,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    log: d.log.map((a) => ({
      attempt: a.attempt,
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
      manual: a.manual,
      at: a.at.toISOString(),
    })),
  }));
}

/** Queues one attempt now (a replay: same webhook-id and body, new timestamp and signature). */
export async function retryDelivery(
  webhookId: string,
  deliveryId: string,
  actor: UserActor,
  requestId?: string,
): Promise<{ queued: true; deliveryId: string }> {
  await transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, webhookId },
      include: { webhook: { select: { url: true } } },
    });
    if (!delivery) throw notFound("Delivery");
    await addJob(tx, "webhook.deliver", { deliveryId, manual: true });
    await appendAudit(tx, {
      actor,
      action: "webhook.retry",
      entityType: "webhook",
      entityId: webhookId,
      data: { deliveryId, eventType: delivery.eventType, url: delivery.webhook.url },
      requestId,
    });
  });
  return { queued: true, deliveryId };
}

// The job that makes one attempt at one webhook delivery (task "webhook.deliver"). Signs with
// the `standardwebhooks` package (webhook-id, webhook-timestamp, webhook-signature = "v1," +
// base64 HMAC-SHA256 of "id.timestamp.body"), POSTs through the SSRF-safe client, records the
// attempt in the delivery log and, when it failed, schedules the next one on the retry
// schedule (lib/domain/webhooks.ts) — in one transaction, so a crash cannot lose the retry.
import "server-only";
import { Webhook } from "standardwebhooks";
import { db, transaction } from "@/lib/db";
import { retryDelayMs } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { addJob } from "../events";
import { postSafely } from "../outbound/safe-request";
import { openSecret } from "../webhook-secrets";

export interface DeliverPayload {
  deliveryId: string;
  /** Scheduled attempt number (1 = the first); absent for an admin's retry. */
  attempt?: number;
  manual?: boolean;
}

export async function deliverWebhook(payload: DeliverPayload): Promise<void> {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: payload.deliveryId },
    include: { webhook: { select: { url: true, secretCiphertext: true } } },
  });
  // Deleted with its webhook, or delivered already by an admin's retry.
  if (!delivery) return;
  if (delivery.status === "SUCCEEDED" && !payload.manual) return;

  const scheduled = payload.manual ? null : (payload.attempt ?? 1);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let durationMs: number;
  try {
    const signer = new Webhook(openSecret(delivery.webhook.secretCiphertext));
    const now = new Date();
    const answer = await postSafely(delivery.webhook.url, delivery.body, {
      "content-type": "application/json",
      "user-agent": "Galley-Webhooks/1",
      "webhook-id": delivery.id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signer.sign(delivery.id, now, delivery.body),
    });
    statusCode = answer.status;
    durationMs = answer.durationMs;
    if (answer.status >= 300 && answer.status < 400) {
      error = `Answered ${answer.status}; redirects are not followed`;
    } else if (answer.status < 200 || answer.status >= 300) {
      error = `Answered ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ""}`;
    }
  } catch (err) {
    durationMs = Math.round(performance.now() - started);
    error = (err as Error).message || String(err);
  }

  const ok = error === null;
  const delay =
    ok || scheduled === null ? null : retryDelayMs(scheduled, env().GALLEY_JOB_RETRY_SCALE);
  const nextAttemptAt = delay === null ? null : new Date(Date.now() + delay);
  await transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: delivery.attempts + 1,
        statusCode,
        durationMs,
        error: error?.slice(0, 1000) ?? null,
        manual: payload.manual === true,
      },
    });
    // An admin's failed retry leaves a schedule that is still running as it was.
    const status = ok
      ? "SUCCEEDED"
      : nextAttemptAt
        ? "RETRYING"
        : payload.manual && delivery.status === "RETRYING"
          ? "RETRYING"
          : "FAILED";
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: { increment: 1 },
        status,
        ...(payload.manual ? {} : { nextAttemptAt }),
      },
    });
    if (nextAttemptAt && scheduled !== null) {
      await addJob(
        tx,
        "webhook.deliver",
        { deliveryId: delivery.id, attempt: scheduled + 1 },
        { runAt: nextAttemptAt },
      );
    }
  });
}

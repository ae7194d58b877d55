import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks";
import { defineRoute } from "../contract";
import { createWebhookSchema } from "../schemas/webhooks";
import { isoDateTime } from "./common";

// Signed outbound webhooks (issue 17, ADR 013): admin only (manage:webhooks).

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string(),
  createdAt: isoDateTime,
  counts: z.object({
    pending: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
  }),
});

const deliverySchema = z.object({
  id: z.string().meta({ description: "The webhook-id header: the same on every attempt" }),
  eventType: z.string(),
  status: z.enum(["PENDING", "RETRYING", "SUCCEEDED", "FAILED"]),
  attempts: z.number().int(),
  nextAttemptAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  log: z.array(
    z.object({
      attempt: z.number().int(),
      statusCode: z.number().int().nullable(),
      durationMs: z.number().int(),
      error: z.string().nullable(),
      manual: z.boolean().meta({ description: "An admin's retry, not the schedule's" }),
      at: isoDateTime,
    }),
  ),
});

const HOOK_NOT_FOUND = { 404: "No such webhook" } as const;

export const createWebhook = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks",
  summary: "Subscribe a URL to events",
  description:
    "Deliveries follow Standard Webhooks: headers webhook-id, webhook-timestamp and " +
    "webhook-signature (v1, base64 HMAC-SHA256 of id.timestamp.body), body " +
    "{ type, timestamp, data }. The secret is in this answer only. Only http(s) URLs whose " +
    "host resolves to public addresses (400 otherwise). Failed deliveries are retried after " +
    "5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.",
  tag: "webhooks",
  permission: "manage:webhooks",
  body: createWebhookSchema,
  responses: [
    {
      status: 201,
      description: "Created; `secret` is shown this once",
      schema: webhookSchema.extend({
        secret: z.string().meta({ description: "whsec_ + base64: verify signatures with it" }),
      }),
    },
  ],
});

export const listWebhooks = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks",
  summary: "Webhooks and their delivery counts",
  tag: "webhooks",
  permission: "manage:webhooks",
  responses: [
    { status: 200, description: "Webhooks", schema: z.object({ items: z.array(webhookSchema) }) },
  ],
});

export const deleteWebhook = defineRoute({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  summary: "Delete a webhook and its delivery log",
  tag: "webhooks",
  permission: "manage:webhooks",
  responses: [
    {
      status: 200,
      description: "Deleted",
      schema: z.object({ deleted: z.literal(true), id: z.string() }),
    },
  ],
  errors: HOOK_NOT_FOUND,
});

export const listWebhookDeliveries = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  summary: "The delivery log: the newest 50 deliveries with every attempt",
  tag: "webhooks",
  permission: "manage:webhooks",
  responses: [
    {
      status: 200,
      description: "Deliveries, newest first",
      schema: z.object({ items: z.array(deliverySchema) }),
    },
  ],
  errors: HOOK_NOT_FOUND,
});

export const retryWebhookDelivery = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry",
  summary: "Send a delivery again now (same webhook-id and body, a fresh signature)",
  tag: "webhooks",
  permission: "manage:webhooks",
  responses: [
    {
      status: 202,
      description: "Queued",
      schema: z.object({ queued: z.literal(true), deliveryId: z.string() }),
    },
  ],
  errors: { 404: "No such webhook or delivery" },
});

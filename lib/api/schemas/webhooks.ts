import { z } from "zod";
import { WEBHOOK_EVENTS, outboundUrlProblem } from "@/lib/domain/webhooks";

// The create body of POST /api/v1/webhooks. The URL's shape is checked here; whether its host
// is a public address is checked by lib/server/webhooks.ts (it needs a DNS lookup).
export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .superRefine((url, ctx) => {
      const problem = outboundUrlProblem(url);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, "must be one of " + WEBHOOK_EVENTS.join(", ")))
    .min(1, "subscribe to at least one event")
    .max(WEBHOOK_EVENTS.length * 2),
  description: z.string().trim().max(500).optional(),
});

export type CreateWebhookBody = z.infer<typeof createWebhookSchema>;

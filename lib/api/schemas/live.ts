import { z } from "zod";

// Request shapes of the live article events (docs/api.md, "Live events").

/** Strict: an unknown parameter is a 400, not a stream opened by accident. */
export const articleEventsQuerySchema = z.strictObject({
  maxSeconds: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, "must be a whole number of seconds from 1 to 600")
    .transform(Number)
    .refine((n) => n <= 600, "must be at most 600")
    .optional()
    .meta({
      description:
        "Close the stream after this many seconds (default 300); EventSource reconnects by itself",
    }),
});

export const presenceBodySchema = z.strictObject({
  segmentIndex: z.number().int().min(0).max(100_000).nullable(),
  /** The `connectionId` of the caller's `ready` event; omitted: all of the caller's streams here. */
  connectionId: z.string().min(1).max(64).optional(),
});

import { z } from "zod";
import { outletDisclosuresSchema } from "@/lib/domain/disclosure";
import { isTimeZone } from "@/lib/format-time";
import { httpUrl, safeText } from "./common";

// An outlet as sent to POST/PATCH /api/v1/outlets and the outlet admin page (issue 17).
// Origins are the CORS allow-list of the embed, so they are held to the exact form a browser
// sends in its Origin header: a near miss would silently never match.

/** The events an outlet may send to its chat webhook. */
export const CHAT_EVENTS = [
  "feedback.received",
  "changes_requested",
  "correction.published",
] as const;

export const OUTLET_LIMITS = { maxOrigins: 50, maxNameChars: 200 } as const;

/** Why `value` is not an exact browser origin (`scheme://host[:port]`), or null when it is. */
export function originProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an origin such as https://news.example";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) origin";
  if (url.username || url.password) return "must not contain a user name or password";
  // Host names as URL leaves them (lower case, punycode) or an IP literal: no wildcards.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) {
    return "must name one host (no wildcards)";
  }
  // URL.origin is what a browser sends: lower-case host, no default port, no path or slash.
  if (url.origin !== value) {
    return `must be exactly scheme://host[:port] with nothing after it (did you mean ${url.origin}?)`;
  }
  return null;
}

export const originSchema = z.string().superRefine((value, ctx) => {
  const problem = originProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const URL_PLACEHOLDERS = ["{externalId}", "{slug}"] as const;

/** Why a canonical URL pattern is unusable, or null. It must name the article by a placeholder. */
export function canonicalUrlPatternProblem(pattern: string): string | null {
  const rest = pattern.replace(/\{externalId\}|\{slug\}/g, "");
  if (rest === pattern) return "must contain {externalId} or {slug}";
  if (/[{}]/.test(rest)) return "may only use the placeholders {externalId} and {slug}";
  const sample = pattern.replace(/\{externalId\}|\{slug\}/g, "x");
  if (!httpUrl.safeParse(sample).success) return "must be an http(s) URL";
  return null;
}

export const canonicalUrlPatternSchema = safeText(2000).superRefine((value, ctx) => {
  const problem = canonicalUrlPatternProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const timeZoneSchema = z
  .string()
  .max(100)
  .refine(isTimeZone, "must be an IANA time zone such as Asia/Seoul");

const originsSchema = z
  .array(originSchema)
  .max(OUTLET_LIMITS.maxOrigins, `at most ${OUTLET_LIMITS.maxOrigins} origins`)
  .transform((list) => [...new Set(list)]);

const fields = {
  allowedOrigins: originsSchema,
  canonicalUrlPattern: canonicalUrlPatternSchema.nullable(),
  timeZone: timeZoneSchema.nullable(),
  disclosures: outletDisclosuresSchema,
  chatWebhookUrl: httpUrl.nullable(),
  chatEvents: z.array(z.enum(CHAT_EVENTS)).transform((list) => [...new Set(list)]),
  notifyReaderOnDecline: z.boolean(),
};

/** POST /api/v1/outlets: the name (an article's `outlet`) is required, the rest has defaults. */
export const outletCreateSchema = z
  .object({
    name: safeText(OUTLET_LIMITS.maxNameChars)
      .transform((s) => s.trim())
      .refine((s) => s.length > 0, "is required"),
    allowedOrigins: fields.allowedOrigins.default([]),
    canonicalUrlPattern: fields.canonicalUrlPattern.default(null),
    timeZone: fields.timeZone.default(null),
    disclosures: fields.disclosures.default({}),
    chatWebhookUrl: fields.chatWebhookUrl.default(null),
    chatEvents: fields.chatEvents.default([]),
    notifyReaderOnDecline: fields.notifyReaderOnDecline.default(false),
  })
  .strict();
export type OutletCreate = z.infer<typeof outletCreateSchema>;

/**
 * PATCH /api/v1/outlets/{id}: any field but the name, which is how articles refer to their
 * outlet (renaming would silently detach them).
 */
export const outletPatchSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "name at least one field to change");
export type OutletPatch = z.infer<typeof outletPatchSchema>;

/**
 * The outlet admin form's fields → the API's JSON shape, so the form and POST/PATCH share one
 * schema. Origins one per line; disclosures as JSON (left as text when it does not parse, so
 * the schema names the field).
 */
export function outletFormToBody(form: FormData, withName: boolean): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const orNull = (name: string) => text(name) || null;
  let disclosures: unknown = text("disclosures") || "{}";
  try {
    disclosures = JSON.parse(disclosures as string);
  } catch {
    /* keep the text: zod answers "disclosures: expected object" */
  }
  return {
    ...(withName ? { name: text("name") } : {}),
    allowedOrigins: text("allowedOrigins").split(/\s+/).filter(Boolean),
    canonicalUrlPattern: orNull("canonicalUrlPattern"),
    timeZone: orNull("timeZone"),
    disclosures,
    chatWebhookUrl: orNull("chatWebhookUrl"),
    chatEvents: form.getAll("chatEvents").map(String),
    notifyReaderOnDecline: form.get("notifyReaderOnDecline") === "on",
  };
}

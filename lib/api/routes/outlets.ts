import { z } from "zod";
import { outletCreateSchema, outletPatchSchema } from "@/lib/validation/outlets";
import { defineRoute } from "../contract";
import { isoDateTime } from "./common";

// Outlets as configuration (issue 17): admins set each publication's embed origins, canonical
// URL pattern, time zone, disclosure texts and chat target.

export const outletViewSchema = z.object({
  id: z.string(),
  name: z.string().meta({ description: "The `outlet` of the articles it publishes" }),
  allowedOrigins: z.array(z.string()).meta({
    description: "Origins (scheme://host[:port]) whose pages may embed the feedback script",
  }),
  canonicalUrlPattern: z.string().nullable(),
  timeZone: z.string().nullable(),
  disclosures: z.record(z.string(), z.record(z.string(), z.string())),
  chatWebhookUrl: z.string().nullable(),
  chatEvents: z.array(z.string()),
  notifyReaderOnDecline: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const listOutlets = defineRoute({
  method: "GET",
  path: "/api/v1/outlets",
  summary: "Configured outlets",
  tag: "outlets",
  permission: "manage:outlets",
  responses: [
    {
      status: 200,
      description: "Every outlet, by name",
      schema: z.object({ items: z.array(outletViewSchema) }),
    },
  ],
});

export const createOutlet = defineRoute({
  method: "POST",
  path: "/api/v1/outlets",
  summary: "Configure an outlet",
  description:
    "Origins must be exact browser origins (`https://news.example`, no path or trailing " +
    "slash); `timeZone` an IANA zone; `canonicalUrlPattern` an http(s) URL with `{externalId}` " +
    "or `{slug}`; `disclosures` texts per language: `{ en: { translated, reviewed, corrected } }` " +
    "with `{date}` and `{note}` placeholders.",
  tag: "outlets",
  permission: "manage:outlets",
  body: outletCreateSchema,
  responses: [{ status: 201, description: "Created", schema: outletViewSchema }],
  errors: { 409: "An outlet with that name exists" },
});

export const updateOutlet = defineRoute({
  method: "PATCH",
  path: "/api/v1/outlets/{id}",
  summary: "Change an outlet",
  description: "Any field but `name` (articles refer to their outlet by it).",
  tag: "outlets",
  permission: "manage:outlets",
  body: outletPatchSchema,
  responses: [{ status: 200, description: "The outlet", schema: outletViewSchema }],
  errors: { 404: "No such outlet" },
});

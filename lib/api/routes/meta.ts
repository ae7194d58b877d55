import { z } from "zod";
import { defineRoute } from "../contract";

export const getOpenApi = defineRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This OpenAPI document",
  tag: "meta",
  permission: "public",
  responses: [
    {
      status: 200,
      description: "OpenAPI 3.1 description of every /api/v1 endpoint",
      // The outline only: the rest of the document's shape is the OpenAPI 3.1 standard's.
      schema: z.object({
        openapi: z.string(),
        info: z.object({
          title: z.string(),
          version: z.string(),
          description: z.string().optional(),
        }),
        security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
        components: z.unknown().optional(),
        paths: z.record(z.string(), z.unknown()).optional(),
      }),
    },
  ],
});

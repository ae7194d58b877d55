// The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json. It is generated from
// the route contracts (lib/api/routes): the same zod schemas validate requests, type the handlers'
// answers and describe both here, so documentation and code cannot drift.

import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import pkg from "@/package.json";
import { DEFAULT_MAX_BODY_BYTES, type RouteContract } from "./contract";
import { ROUTE_CONTRACTS } from "./routes";
import { errorSchema } from "./schemas/interchange";

function operation(operationId: string, route: RouteContract): ZodOpenApiOperationObject {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const ok of route.responses) {
    // A JSON body and a file may share a status (format=csv): they become two content types.
    const content =
      "schema" in ok
        ? { "application/json": { schema: ok.schema } }
        : Object.fromEntries(
            ok.contentTypes.map((t) => [t, { schema: { type: "string" as const } }]),
          );
    const existing = responses[String(ok.status)];
    for (const type of Object.keys(content)) {
      // One content type per status has one schema; a second would silently replace the first.
      if (existing?.content?.[type])
        throw new Error(`${operationId}: ${type} twice for ${ok.status}`);
    }
    responses[String(ok.status)] = existing
      ? {
          description: `${existing.description}; ${ok.description}`,
          content: { ...existing.content, ...content },
        }
      : { description: ok.description, content };
  }
  const errors: Record<string, string> = {};
  const hasBody = Boolean(route.body || route.rawBody);
  if (hasBody || route.query) errors["400"] = "Invalid input; `issues` lists each path and problem";
  if (route.permission !== "public") {
    errors["401"] = "No session or API token";
    errors["403"] = `Needs the permission ${route.permission}`;
  }
  if (route.cors && route.method !== "GET") {
    errors["403"] = "Sent by a browser from a site not among the outlet's allowed origins";
  }
  if (hasBody) {
    errors["413"] = `Body over ${route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`;
    errors["415"] = "Wrong Content-Type";
  }
  Object.assign(errors, route.errors);
  for (const [status, description] of Object.entries(errors)) {
    responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
  }
  const op: ZodOpenApiOperationObject = {
    operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    "x-permission": route.permission,
    ...(route.cors ? { "x-cors": "the outlet's allowed origins (ADR 012)" } : {}),
    responses,
  };
  const path_ = pathParams.length
    ? z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()])))
    : undefined;
  // zod-openapi wants absent keys, not undefined ones.
  if (path_ || route.query) {
    op.requestParams = {
      ...(path_ ? { path: path_ } : {}),
      ...(route.query ? { query: route.query } : {}),
    };
  }
  if (route.permission === "public") op.security = [];
  if (route.body) {
    op.requestBody = { required: true, content: { "application/json": { schema: route.body } } };
  } else if (route.rawBody) {
    op.requestBody = {
      required: true,
      description: route.rawBody.description,
      content: Object.fromEntries(
        route.rawBody.contentTypes.map((t) => [t, { schema: { type: "string" } }]),
      ),
    };
  }
  return op;
}

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const [operationId, route] of Object.entries(ROUTE_CONTRACTS)) {
    out[route.path] = {
      ...out[route.path],
      [route.method.toLowerCase()]: operation(operationId, route),
    };
  }
  return out;
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Galley API",
      version: pkg.version,
      description:
        "Review workbench for machine-translated news. Errors are JSON `{ error, message, " +
        "requestId, ... }`; limits, segment numbering and formats are described in docs/api.md.",
    },
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token (glly_…)" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "Browser session; writes must come from the same origin",
        },
      },
    },
    paths: paths(),
  });
  return cached;
}

// The one declaration of an /api/v1 operation. A contract carries everything the request wrapper
// (lib/api/handler.ts), the OpenAPI document (lib/api/openapi.ts) and the browser's fetch helper
// (lib/api/client.ts) need, so none of them restates a permission, a schema or a limit.
// No server imports: client components import contracts for their types and paths.

import type { z } from "zod";
import type { Permission } from "@/lib/auth/policy";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A JSON answer: the schema types the handler's return value and documents the body. */
export interface JsonResponseDoc {
  status: number;
  description: string;
  schema: z.ZodType;
}

/** A file download: only its content types are documented. */
export interface FileResponseDoc {
  status: number;
  description: string;
  contentTypes: readonly string[];
}

export interface RouteContract {
  method: HttpMethod;
  /** OpenAPI template: app/api/v1/articles/[id] is "/api/v1/articles/{id}". */
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  tag: string;
  /** "public" for reader-facing routes; everything else names the permission it needs. */
  permission: Permission | "public";
  /**
   * "outlet": a public route the embed calls from an outlet's own pages. Cross-origin callers
   * get CORS headers only when their origin is on that outlet's allow-list (lib/api/cors.ts).
   */
  cors?: "outlet";
  query?: z.ZodObject;
  /** A JSON body, validated before the handler runs. */
  body?: z.ZodType;
  /**
   * A body that is not JSON (XLIFF, NDJSON). apiRoute buffers it into `ctx.rawBody` unless
   * `streamed`, in which case the handler reads `req.body` itself (bulk uploads would not fit).
   */
  rawBody?: { contentTypes: readonly string[]; description: string; streamed?: boolean };
  /** Request body cap; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  responses: readonly (JsonResponseDoc | FileResponseDoc)[];
  /**
   * Documented 4xx answers beyond the ones every route of its kind has (400 with a query or body,
   * 401/403 unless public, 413/415 with a body). 400 here: a path parameter that is not a number;
   * 401/403 here: a public route that asks for a permission for some resources only.
   */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 429, string>>;
}

/** Identity at runtime; `const` keeps the literal method, path and statuses for the types below. */
export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

export const DEFAULT_MAX_BODY_BYTES = 1_048_576; // 1 MB, documented in docs/api.md

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never;

/** `{ id: string; index: string }` for "/api/v1/articles/{id}/blame/{index}". */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

type JsonResponses<C extends RouteContract> = Extract<C["responses"][number], JsonResponseDoc>;

/** Statuses the contract documents as JSON success answers. */
export type JsonStatus<C extends RouteContract> = JsonResponses<C>["status"];

/** What a handler may answer with `status` (the schema's input: what JSON.stringify is given). */
export type ResponseInput<C extends RouteContract, S extends number> = z.input<
  Extract<JsonResponses<C>, { status: S }>["schema"]
>;

/** What a client receives on success: any of the contract's JSON success bodies. */
export type ResponseBody<C extends RouteContract> = z.output<JsonResponses<C>["schema"]>;

/** True when the contract documents a file download (the handler then builds a Response). */
export type HasFile<C extends RouteContract> = [
  Extract<C["responses"][number], FileResponseDoc>,
] extends [never]
  ? false
  : true;

export type QueryOf<C extends RouteContract> = C["query"] extends z.ZodType
  ? z.output<C["query"]>
  : undefined;
export type BodyOf<C extends RouteContract> = C["body"] extends z.ZodType
  ? z.output<C["body"]>
  : undefined;
/** What a client sends: the schema's input (before defaults and transforms). */
export type BodyInput<C extends RouteContract> = C["body"] extends z.ZodType
  ? z.input<C["body"]>
  : undefined;

/** The concrete URL of an operation: path parameters substituted and encoded. */
export function routeUrl<C extends RouteContract>(contract: C, params: PathParams<C["path"]>) {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name]!),
  );
}

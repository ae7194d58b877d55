import type { NextRequest } from "next/server";
import { mediaType, readLimitedBody } from "./read-body";
import { can, requirePermission, type Actor, type UserActor } from "@/lib/auth/policy";
import { hashIp } from "@/lib/auth/secrets";
import { sessionActor } from "@/lib/auth/session";
import { env, authSecret } from "@/lib/env";
import { AppError, badRequest, forbidden, unauthorized } from "@/lib/errors";
import { actorFromApiToken } from "@/lib/server/api-tokens";
import { clientIpFromHeaders } from "./client-ip";
import {
  DEFAULT_MAX_BODY_BYTES,
  type BodyOf,
  type HasFile,
  type JsonStatus,
  type PathParams,
  type QueryOf,
  type ResponseInput,
  type RouteContract,
} from "./contract";
import { decideCors, type CorsDecision, type CorsOutletResolver } from "./cors";
import { findNul } from "./hostile-input";
import { isCrossSite } from "./same-origin";
import { errorResponse, json, newRequestId, parseWith } from "./respond";

/** A JSON answer with a status other than 200, built by `ctx.reply` so its body is type-checked. */
class Reply {
  // Private, so the type is nominal: a raw Response (which also has status and body) is no Reply.
  private readonly kind = "reply";
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface RouteContext<C extends RouteContract> {
  req: NextRequest;
  params: PathParams<C["path"]>;
  body: BodyOf<C>;
  query: QueryOf<C>;
  rawBody: string;
  actor: Actor;
  /** The authenticated user (throws 401 for anonymous callers). */
  user: () => UserActor;
  requestId: string;
  ipHash: string;
  /** Answer with one of the contract's JSON statuses; the body must fit that status's schema. */
  reply: <S extends JsonStatus<C>>(status: S, body: ResponseInput<C, S>) => Reply;
}

/**
 * A plain return value is the 200 body and must fit the contract's 200 schema; other statuses
 * go through `ctx.reply`. A raw Response (a file) is allowed only when the contract documents one.
 */
export type HandlerResult<C extends RouteContract> =
  Reply | ResponseInput<C, 200> | (HasFile<C> extends true ? Response : never);

/** The exported route handler; it carries its contract so tests can compare it with the file. */
export type ApiRouteHandler<C extends RouteContract> = ((
  req: NextRequest,
  routeCtx: { params: Promise<PathParams<C["path"]>> },
) => Promise<Response>) & { contract: C; corsOutlet?: CorsOutletResolver<C> };

export interface ApiRouteOptions<C extends RouteContract> {
  /** Required with `cors: "outlet"`: the outlet whose allowed origins the answer follows. */
  corsOutlet?: CorsOutletResolver<C>;
}

/**
 * The one request wrapper for /api/v1: authenticate (Bearer token or session),
 * authorize through the policy, check CSRF for cookie sessions, apply CORS on the
 * embed's public routes, validate query and body with zod, and map every error to a
 * JSON answer.
 */
export function apiRoute<const C extends RouteContract>(
  opts: C,
  handler: (ctx: RouteContext<C>) => Promise<HandlerResult<C>>,
  options: ApiRouteOptions<C> = {},
): ApiRouteHandler<C> {
  if (opts.cors && (opts.permission !== "public" || !options.corsOutlet)) {
    throw new Error(`${opts.method} ${opts.path}: CORS is for public routes with a corsOutlet`);
  }
  const route = async (
    req: NextRequest,
    routeCtx: { params: Promise<PathParams<C["path"]>> },
  ): Promise<Response> => {
    const requestId = newRequestId(req.headers.get("x-request-id"));
    let cors: CorsDecision | null = null;
    const answer = (res: Response) => {
      for (const [k, v] of Object.entries(cors?.headers ?? {})) res.headers.set(k, v);
      return res;
    };
    try {
      const params = await routeCtx.params;
      const badParam = findNul(params);
      if (badParam) throw badRequest(`Invalid path: ${badParam}: must not contain NUL characters`);
      if (opts.cors && options.corsOutlet) {
        cors = await decideCors(req, params, options.corsOutlet);
        refuseCrossSiteWrite(req, cors);
      }
      for (const [name, value] of req.nextUrl.searchParams) {
        if (name.includes("\u0000") || value.includes("\u0000"))
          throw badRequest(`Invalid query: ${name}: must not contain NUL characters`);
      }
      const ip = clientIpFromHeaders((n) => req.headers.get(n));
      const ipHash = hashIp(ip, env().GALLEY_IP_HASH_SALT ?? authSecret());
      const actor = await resolveActor(req, ipHash);
      if (opts.permission !== "public") requirePermission(actor, opts.permission);
      const query = opts.query
        ? parseWith(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query")
        : undefined;
      const mutating = !["GET", "HEAD", "OPTIONS"].includes(req.method);
      let rawBody = "";
      let body: unknown = undefined;
      if (mutating && (opts.body || (opts.rawBody && !opts.rawBody.streamed))) {
        rawBody = await readBody(req, opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, [
          ...(opts.rawBody?.contentTypes ?? ["application/json"]),
        ]);
        if (opts.body) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(rawBody);
          } catch {
            throw badRequest("Malformed JSON in the request body");
          }
          const nul = findNul(parsed);
          if (nul) throw badRequest(`Invalid body: ${nul}: must not contain NUL characters`);
          body = parseWith(opts.body, parsed, "body");
        }
      }
      const result = await handler({
        req,
        params,
        body: body as BodyOf<C>,
        query: query as QueryOf<C>,
        rawBody,
        actor,
        user: () => {
          if (actor.type === "USER" || actor.type === "TOKEN") return actor;
          throw unauthorized();
        },
        requestId,
        ipHash,
        reply: (status, body) => new Reply(status, body),
      });
      if (result instanceof Reply) {
        return answer(json(result.body, result.status, { "x-request-id": requestId }));
      }
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return answer(result);
      }
      return answer(json(result, 200, { "x-request-id": requestId }));
    } catch (err) {
      return answer(errorResponse(err, requestId));
    }
  };
  return Object.assign(route, { contract: opts, corsOutlet: options.corsOutlet });
}

/**
 * A browser on another site may read the answer only when its origin is on the outlet's list
 * (lib/api/cors.ts), and may write only then: a cross-site write from anywhere else is refused
 * before it does anything, so even a request that skipped the preflight stores nothing.
 */
function refuseCrossSiteWrite(req: NextRequest, cors: CorsDecision): void {
  const mutating = !["GET", "HEAD", "OPTIONS"].includes(req.method);
  if (cors.crossSite && !cors.allowed && mutating) {
    throw forbidden("This site may not send to Galley for this outlet");
  }
}

async function resolveActor(req: NextRequest, ipHash: string): Promise<Actor> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match) throw unauthorized("Authorization header must be 'Bearer <token>'");
    const actor = await actorFromApiToken(match[1]!);
    if (!actor) throw unauthorized("The API token is invalid or revoked");
    return actor;
  }
  // No next-auth cookie, no session to decode: readers on public routes skip the work.
  const hasSessionCookie = req.cookies
    .getAll()
    .some((c) => c.name.endsWith("next-auth.session-token"));
  const actor = hasSessionCookie ? await sessionActor() : null;
  if (!actor) return { type: "ANONYMOUS", ipHash };
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) assertSameOrigin(req);
  return actor;
}

/**
 * CSRF guard for cookie-authenticated writes: the browser's Origin must match
 * the host it sent the request to. Token requests carry no ambient credentials
 * and skip this.
 */
function assertSameOrigin(req: NextRequest): void {
  if (isCrossSite((n) => req.headers.get(n))) throw forbidden("Cross-site request refused");
}

async function readBody(
  req: NextRequest,
  maxBytes: number,
  contentTypes: string[],
): Promise<string> {
  if (!contentTypes.includes(mediaType(req.headers))) {
    throw new AppError(
      "unsupported_media_type",
      `Content-Type must be ${contentTypes.join(" or ")}`,
    );
  }
  const buf = await readLimitedBody(req, maxBytes);
  // fatal: invalid UTF-8 is an error the caller should see, not silently replaced text.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw badRequest("Request body is not valid UTF-8");
  }
}

export { can };

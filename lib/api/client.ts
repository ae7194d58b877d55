// The browser's typed call to an /api/v1 operation: URL, method and body type come from the
// route contract, and the success body has the contract's response type, the same one the
// handler is checked against. The cookie session authenticates (same-origin fetch); the browser's
// Origin header passes the API's CSRF check. Network failures throw, as fetch does.

import type { z } from "zod";
import {
  routeUrl,
  type BodyInput,
  type PathParams,
  type ResponseBody,
  type RouteContract,
} from "./contract";
import type { errorSchema } from "./schemas/interchange";

/** Every error answer: `{ error, message, requestId, … }` plus fields of its kind (e.g. 409). */
export type ApiError = z.output<typeof errorSchema>;

export type ApiResult<C extends RouteContract> =
  | { ok: true; status: number; data: ResponseBody<C> }
  /** `error` is null when the answer was not JSON (a proxy's error page, say). */
  | { ok: false; status: number; error: ApiError | null };

export async function callApi<C extends RouteContract>(
  contract: C,
  params: PathParams<C["path"]>,
  /** The JSON body; a contract without one types it as undefined. */
  body?: BodyInput<C>,
): Promise<ApiResult<C>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(routeUrl(contract, params), {
    method: contract.method,
    credentials: "same-origin",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  return res.ok
    ? { ok: true, status: res.status, data: json as ResponseBody<C> }
    : { ok: false, status: res.status, error: json as ApiError | null };
}

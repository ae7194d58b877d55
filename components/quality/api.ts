// Same-origin JSON calls to /api/v1 from the workspace, as an outcome the forms can show
// (a network failure becomes a message, not an exception).
import { callApi } from "@/lib/api/client";
import type { BodyInput, PathParams, ResponseBody, RouteContract } from "@/lib/api/contract";

export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; error: string };

export async function sendJson<C extends RouteContract>(
  contract: C,
  params: PathParams<C["path"]>,
  body: BodyInput<C>,
): Promise<ApiOutcome<ResponseBody<C>>> {
  try {
    const res = await callApi(contract, params, body);
    if (!res.ok)
      return { ok: false, error: res.error?.message ?? `Request failed (${res.status})` };
    return { ok: true, data: res.data };
  } catch {
    return { ok: false, error: "Network error; check your connection and try again" };
  }
}

// Same-origin JSON calls to /api/v1 from the workspace (the session cookie authenticates;
// the browser's Origin header passes the API's CSRF check).

export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; error: string };

export async function sendJson<T = unknown>(
  url: string,
  method: "POST" | "PATCH",
  body: unknown,
): Promise<ApiOutcome<T>> {
  try {
    const res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    const data = (await res.json().catch(() => null)) as { message?: string } | null;
    if (!res.ok) return { ok: false, error: data?.message ?? `Request failed (${res.status})` };
    return { ok: true, data: data as T };
  } catch {
    return { ok: false, error: "Network error; check your connection and try again" };
  }
}

export const annotationsUrl = (articleId: string) =>
  `/api/v1/articles/${encodeURIComponent(articleId)}/annotations`;
export const annotationUrl = (articleId: string, annotationId: string) =>
  `${annotationsUrl(articleId)}/${encodeURIComponent(annotationId)}`;
export const dismissUrl = (articleId: string) =>
  `/api/v1/articles/${encodeURIComponent(articleId)}/checks/dismiss`;

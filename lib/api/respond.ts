import { randomUUID } from "node:crypto";
import { ZodError, type z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db";
import { AppError, badRequest } from "@/lib/errors";
import { issueMessage } from "@/lib/validation/issues";

// Maps every error to one JSON shape: { error: code, message, ...details }.
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body, bigintSafe), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...headers,
    },
  });
}

function bigintSafe(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}

export function zodToAppError(err: ZodError, where = "body"): AppError {
  const issues = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = err.issues[0];
  const message = first ? `Invalid ${where}: ${issueMessage(first)}` : `Invalid ${where}`;
  return badRequest(message, { issues });
}

export function errorResponse(err: unknown, requestId: string): Response {
  if (err instanceof ZodError) err = zodToAppError(err);
  if (err instanceof AppError) {
    return json({ error: err.code, message: err.message, ...err.details, requestId }, err.status, {
      ...err.headers,
      "x-request-id": requestId,
    });
  }
  if (isDatabaseUnavailable(err)) {
    return json(
      {
        error: "unavailable",
        message: "The database is unavailable; try again shortly",
        requestId,
      },
      503,
      { "retry-after": "5", "x-request-id": requestId },
    );
  }
  console.error(`[${requestId}]`, err);
  return json({ error: "internal", message: "Something went wrong on our side", requestId }, 500, {
    "x-request-id": requestId,
  });
}

export function newRequestId(headerValue: string | null): string {
  return headerValue && /^[\w.-]{1,64}$/.test(headerValue) ? headerValue : randomUUID();
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToAppError(parsed.error, where);
  return parsed.data;
}

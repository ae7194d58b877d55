import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { inDateRange } from "./common";

// Keyset cursors for lists ordered by (time, id): base64url of "ISO-time|id".
// Pure, so the list schemas (shared by pages and the API) can check a cursor
// before any query runs, and lib/server decodes the same way.

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

function parseCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (extra !== undefined || !id || !/^[\w-]{1,64}$/.test(id)) return null;
  const updatedAt = new Date(iso ?? "");
  if (!inDateRange(updatedAt)) return null;
  return { updatedAt, id };
}

export function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const parsed = parseCursor(cursor);
  if (!parsed) throw badRequest("Invalid cursor");
  return parsed;
}

// The queue's "Riskiest first" order pages on (riskScore, id): base64url of "risk|score|id".

export function encodeRiskCursor(score: number, id: string): string {
  return Buffer.from(`risk|${score}|${id}`).toString("base64url");
}

function parseRiskCursor(cursor: string): { score: number; id: string } | null {
  const [tag, raw, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (tag !== "risk" || extra !== undefined || !id || !/^[\w-]{1,64}$/.test(id)) return null;
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(raw ?? "")) return null;
  return { score: Number(raw), id };
}

export function decodeRiskCursor(cursor: string): { score: number; id: string } {
  const parsed = parseRiskCursor(cursor);
  if (!parsed) throw badRequest("Invalid cursor");
  return parsed;
}

export const cursorParam = z
  .string()
  .max(200)
  .refine((c) => parseCursor(c) !== null || parseRiskCursor(c) !== null, "is not a valid cursor");

import type { NextRequest } from "next/server";
import { AppError, tooLarge } from "@/lib/errors";

// For routes that stream their body (bulk NDJSON) instead of letting apiRoute buffer it:
// the same 415/413 answers apiRoute gives, checked before any byte is read.

export function assertContentType(req: NextRequest, allowed: readonly string[]): void {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!allowed.includes(type)) {
    throw new AppError("unsupported_media_type", `Content-Type must be ${allowed.join(" or ")}`);
  }
}

export function assertDeclaredLength(req: NextRequest, maxBytes: number): void {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`Request body exceeds ${maxBytes} bytes`);
}

import type { NextRequest } from "next/server";
import { mediaType, readLimitedBody } from "@/lib/api/read-body";
import { readerIpHash } from "@/lib/api/reader-ip";
import { json, newRequestId } from "@/lib/api/respond";
import {
  FEEDBACK_MAX_BODY_BYTES,
  feedbackFormToBody,
  feedbackInput,
  submitFeedbackSchema,
} from "@/lib/api/schemas/feedback";
import { isDatabaseUnavailable } from "@/lib/db";
import { HONEYPOT_FIELD } from "@/lib/domain/feedback";
import { AppError } from "@/lib/errors";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { currentSlugFor } from "@/lib/server/article-slug";
import { findPublicArticleTarget } from "@/lib/server/public-articles";
import { type FormErrorCode, formErrorCode } from "../form-status";

// The public form's target. Without JavaScript the browser posts here and is
// redirected back (303) with a thank-you or an error code; the enhanced form
// asks for JSON instead and shows the answer in place. Both share the rules of
// POST /api/v1/articles/{id}/feedback through lib/server/feedback.ts.

// Form encoding can take 9 bytes per Korean character; this still bounds the read.
const MAX_FORM_BYTES = FEEDBACK_MAX_BODY_BYTES * 2;

class FormFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FormErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function POST(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
  const requestId = newRequestId(req.headers.get("x-request-id"));
  const back = (query: string, hash: string) =>
    new Response(null, {
      status: 303,
      headers: { location: `/read/${encodeURIComponent(slug)}?${query}#${hash}` },
    });
  try {
    const form = await readForm(req);
    // A filled honeypot is a bot: answer as if all went well, store nothing.
    if (form.get(HONEYPOT_FIELD)?.trim()) {
      return wantsJson ? json({ ok: true }, 201) : back("feedback=sent", "feedback-status");
    }
    const parsed = submitFeedbackSchema.safeParse(feedbackFormToBody(form));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new FormFailure(
        400,
        "invalid",
        first ? `${first.path.join(".") || "form"}: ${first.message}` : "Invalid form",
      );
    }
    const target = await findPublicArticleTarget(slug);
    if (!target) {
      // A form on a page served under an old slug: 308 keeps the method and body.
      const current = await currentSlugFor(slug);
      if (current) {
        return new Response(null, {
          status: 308,
          headers: { location: `/read/${encodeURIComponent(current)}/feedback` },
        });
      }
      throw new FormFailure(404, "not_found", "Article not found");
    }
    const ipHash = readerIpHash(req.headers);
    await submitFeedback(feedbackInput(target.id, parsed.data), {
      actor: { type: "ANONYMOUS", ipHash },
      ipHash,
      requestId,
    });
    return wantsJson ? json({ ok: true }, 201) : back("feedback=sent", "feedback-status");
  } catch (err) {
    const failure = toFailure(err, requestId);
    if (wantsJson) {
      return json(
        { error: failure.code, message: failure.message, requestId },
        failure.status,
        failure.headers,
      );
    }
    return back(`feedback=error&code=${failure.code}`, "feedback");
  }
}

function toFailure(err: unknown, requestId: string): FormFailure {
  if (err instanceof FormFailure) return err;
  if (err instanceof AppError) {
    return new FormFailure(err.status, formErrorCode(err.code), err.message, err.headers);
  }
  if (isDatabaseUnavailable(err)) {
    return new FormFailure(503, "unavailable", "The service is briefly unavailable", {
      "retry-after": "5",
    });
  }
  console.error(`[${requestId}]`, err);
  return new FormFailure(500, "unavailable", "Something went wrong on our side");
}

async function readForm(req: NextRequest): Promise<URLSearchParams> {
  if (mediaType(req.headers) !== "application/x-www-form-urlencoded") {
    throw new FormFailure(415, "invalid", "Content-Type must be application/x-www-form-urlencoded");
  }
  const buf = await readLimitedBody(req, MAX_FORM_BYTES, "The feedback is too long");
  return new URLSearchParams(buf.toString("utf8"));
}

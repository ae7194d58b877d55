import type { ErrorCode } from "@/lib/errors";

// The no-JavaScript form learns how its post went from the redirect's query.
// Only these codes travel in the URL, never free text, so a crafted link
// cannot make the page say something we did not write.
export const FORM_ERROR_MESSAGES = {
  invalid:
    "Some of the form was missing or invalid. Choose a category and write a comment or a suggested correction.",
  too_large: "That was more text than we can take. Please shorten your comment or suggestion.",
  rate_limited: "We have received a lot of feedback from you recently. Please try again later.",
  not_found: "This article is no longer available.",
  unavailable: "We could not save your feedback just now. Please try again in a moment.",
} as const;

export type FormErrorCode = keyof typeof FORM_ERROR_MESSAGES;

export function formErrorCode(code: ErrorCode): FormErrorCode {
  switch (code) {
    case "payload_too_large":
      return "too_large";
    case "rate_limited":
      return "rate_limited";
    case "not_found":
      return "not_found";
    case "unavailable":
      return "unavailable";
    default:
      return "invalid";
  }
}

export function isFormErrorCode(value: unknown): value is FormErrorCode {
  return typeof value === "string" && Object.hasOwn(FORM_ERROR_MESSAGES, value);
}

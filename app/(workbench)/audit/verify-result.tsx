import Link from "next/link";
import type { VerifyResult } from "@/lib/server/audit";

/** The outcome of walking the chain; a break names the first event that fails. */
export function VerifyResultNotice({ result }: { result: VerifyResult }) {
  if (result.ok) {
    return (
      <p
        role="status"
        className="rounded bg-emerald-50 px-2 py-1 text-emerald-900"
        data-testid="verify-result"
      >
        Chain intact: {result.events} events verified. Head hash{" "}
        <code className="font-mono text-xs break-all">{result.head}</code> — record it elsewhere to
        detect a truncated log later.
      </p>
    );
  }
  return (
    <p
      role="alert"
      className="rounded bg-rose-50 px-2 py-1 text-rose-900"
      data-testid="verify-result"
    >
      Chain broken at event{" "}
      <Link href={`/audit?cursor=${BigInt(result.brokenAt) + 1n}`} className="font-mono underline">
        #{result.brokenAt}
      </Link>{" "}
      ({result.reason}) after {result.events} intact events.
    </p>
  );
}

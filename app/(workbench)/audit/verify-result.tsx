import type { LogVerifyResult } from "@/lib/server/audit-verify";

/** The outcome of verifying the log (ADR 015); a failure says what failed and where. */
export function VerifyResultNotice({ result }: { result: LogVerifyResult }) {
  if (result.ok) {
    return (
      <p
        role="status"
        className="rounded bg-emerald-50 px-2 py-1 text-emerald-900"
        data-testid="verify-result"
      >
        Log intact: {result.leaves} leaves and {result.heads} signed tree heads verified. Root hash{" "}
        <code className="font-mono text-xs break-all">{result.rootHash}</code>; keep signed heads
        from /api/v1/log/sth elsewhere to detect a truncated log later.
      </p>
    );
  }
  return (
    <p
      role="alert"
      className="rounded bg-rose-50 px-2 py-1 text-rose-900"
      data-testid="verify-result"
    >
      Log broken: {result.failure}.
    </p>
  );
}

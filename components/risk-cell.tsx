// The queue's risk column: the score and the reasons behind it (issue 16).

interface RiskReasonView {
  factor: string;
  points: number;
  message: string;
}

function tone(score: number): string {
  if (score >= 60) return "bg-red-100 text-red-900";
  if (score >= 30) return "bg-amber-100 text-amber-900";
  return "bg-slate-100 text-slate-700";
}

export function RiskCell({ score, reasons }: { score: number; reasons: RiskReasonView[] }) {
  return (
    <div data-testid="risk-cell" className="min-w-40">
      <span
        className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone(score)}`}
        aria-label={`Risk ${Math.round(score)} of 100`}
      >
        {Math.round(score)}
      </span>
      {reasons.length > 0 ? (
        <ul className="mt-1 text-xs text-slate-600" aria-label="Why">
          {reasons.slice(0, 3).map((r) => (
            <li key={r.factor}>{r.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

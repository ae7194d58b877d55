import type { ReactNode } from "react";

/** A compact disclosure for the header: one line of numbers, the full card on demand. */
export function QualitySummary({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="relative text-sm" data-testid="quality-summary">
      <summary className="cursor-pointer list-none rounded border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-50">
        {label} ▾
      </summary>
      <div className="absolute left-0 z-40 mt-1 w-80 rounded border border-slate-200 bg-white p-1 shadow-lg">
        {children}
      </div>
    </details>
  );
}

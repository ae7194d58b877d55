// Severity colours, as whole class strings so Tailwind finds them.
export const SEVERITY_MARK: Record<string, string> = {
  neutral: "bg-slate-200 text-slate-900",
  minor: "bg-yellow-200 text-yellow-950",
  major: "bg-orange-200 text-orange-950",
  critical: "bg-rose-300 text-rose-950",
};

export const SEVERITY_BADGE: Record<string, string> = {
  neutral: "bg-slate-100 text-slate-800",
  minor: "bg-yellow-100 text-yellow-900",
  major: "bg-orange-100 text-orange-900",
  critical: "bg-rose-100 text-rose-900",
};

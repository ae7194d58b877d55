import type { ReactNode } from "react";

/** Groups what the article page adds under one workspace row (quality, names, TM). */
export function SegmentExtras({ children }: { children: ReactNode }) {
  return <div className="space-y-1">{children}</div>;
}

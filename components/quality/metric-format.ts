// Edit-effort metrics with their units, the same everywhere they are shown.

const one = (n: number) =>
  n.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** HTER (TER of the MT against the reviewed text) is a rate of edits per reference word: a percentage. */
export function formatHter(hter: number): string {
  return `${one(hter)}%`;
}

/** chrF is a character n-gram F-score on a 0–100 scale. */
export function formatChrf(chrf: number): string {
  return `${one(chrf)} / 100`;
}

// The one email a reader who left an address receives about their report (issue 17 item 8).
// Plain text only: no HTML, so no pixels; the one link is the article's public address with
// no query string, so nothing tells us whether or when it was opened.

export type ReaderOutcome = "accepted" | "declined";

export interface ReaderEmailFacts {
  outcome: ReaderOutcome;
  title: string;
  /** The outlet's name; null when the article came without one. */
  outlet: string | null;
  /** The correction: when it was published, its note. Only for "accepted". */
  correction: { publishedAt: string; note: string | null } | null;
  /** Public URL of the article, or null when the public base URL is not configured. */
  articleUrl: string | null;
}

export function readerEmail(facts: ReaderEmailFacts): { subject: string; text: string } {
  const signature = facts.outlet ?? "Galley";
  const article = `“${facts.title}”${facts.outlet ? ` (${facts.outlet})` : ""}`;
  const lines: string[] = ["Hello,", "", `You reported a problem in the article ${article}.`, ""];
  if (facts.outcome === "accepted") {
    lines.push("Your report was accepted and the article has been corrected.");
    if (facts.correction) {
      lines.push(
        `Correction published ${facts.correction.publishedAt.slice(0, 10)}: ${
          facts.correction.note ?? "the text was corrected."
        }`,
      );
    }
  } else {
    lines.push("The editors reviewed your report and decided not to change the article.");
  }
  if (facts.articleUrl) lines.push("", `The article: ${facts.articleUrl}`);
  lines.push(
    "",
    "Thank you for taking the time to tell us. This is the only message you will receive about",
    "this report: your email address has now been deleted from our records.",
    "",
    `— ${signature}`,
  );
  return {
    subject:
      facts.outcome === "accepted"
        ? `Corrected: ${facts.title}`
        : `Your report on “${facts.title}”`,
    text: lines.join("\n"),
  };
}

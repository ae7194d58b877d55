// The text of a chat notification in Slack's incoming-webhook format (`{ text }` with mrkdwn),
// which Mattermost, Rocket.Chat, Zulip's Slack-compatible endpoint and others accept too.
import { CATEGORY_LABEL, type FeedbackCategory } from "./feedback";
import type { ChatEvent } from "./webhooks";

/** Slack's mrkdwn needs only these three escaped; article titles are untrusted text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function link(url: string | null, label: string): string {
  return url ? `<${url}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}

export interface ChatContext {
  title: string;
  slug: string;
  articleId: string;
  outlet: string;
  /** Public base URL (NEXTAUTH_URL) without a trailing slash; null: no links. */
  baseUrl: string | null;
}

export function chatMessage(
  event: ChatEvent,
  ctx: ChatContext,
  facts: Record<string, unknown>,
): { text: string } {
  const at = (path: string) => (ctx.baseUrl ? `${ctx.baseUrl}${path}` : null);
  const title = `“${ctx.title}”`;
  const note = typeof facts.note === "string" && facts.note ? facts.note : null;
  switch (event) {
    case "feedback.received": {
      const category = CATEGORY_LABEL[facts.category as FeedbackCategory] ?? "Other";
      return {
        text:
          `:speech_balloon: New reader feedback (${escapeMrkdwn(category)}) on ` +
          `${link(at(`/articles/${ctx.articleId}`), title)} — ${link(at("/feedback?status=NEW"), "triage it")}`,
      };
    }
    case "changes_requested":
      return {
        text:
          `:leftwards_arrow_with_hook: Changes requested on ${link(at(`/articles/${ctx.articleId}`), title)}` +
          (typeof facts.by === "string" ? ` by ${escapeMrkdwn(facts.by)}` : "") +
          (note ? `: ${escapeMrkdwn(note)}` : ""),
      };
    case "correction.published":
      return {
        text:
          `:memo: Correction published on ${link(at(`/read/${ctx.slug}`), title)}` +
          (note ? `: ${escapeMrkdwn(note)}` : ""),
      };
  }
}

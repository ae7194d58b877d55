// An outlet's canonical URL pattern ("https://news.example/a/{externalId}") both ways: the
// article's address on the outlet's site, and which article a page address names (the embed's
// `data-url`). Pure.

export type UrlKey = { externalId: string } | { slug: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Drops what a page address may carry beyond the pattern: the fragment, and the query unless the pattern has one. */
function comparable(url: string, pattern: string): string {
  const noHash = url.split("#", 1)[0]!;
  return pattern.includes("?") ? noHash : noHash.split("?", 1)[0]!;
}

/** The article key a page address names under the pattern, or null when it does not fit. */
export function matchCanonicalUrl(pattern: string, url: string): UrlKey | null {
  const names: ("externalId" | "slug")[] = [];
  const source = pattern
    .split(/(\{externalId\}|\{slug\})/)
    .map((part) => {
      if (part === "{externalId}" || part === "{slug}") {
        names.push(part.slice(1, -1) as "externalId" | "slug");
        return "([^/?#]+)";
      }
      return escapeRegExp(part);
    })
    .join("");
  const m = new RegExp(`^${source}$`).exec(comparable(url, pattern));
  if (!m) return null;
  const values: Partial<Record<"externalId" | "slug", string>> = {};
  for (const [i, name] of names.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(m[i + 1]!);
    } catch {
      return null;
    }
    // A placeholder used twice must name the same article both times.
    if (values[name] !== undefined && values[name] !== value) return null;
    values[name] = value;
  }
  if (values.externalId !== undefined) return { externalId: values.externalId };
  return { slug: values.slug! };
}

/** The article's address on the outlet's site. */
export function canonicalUrl(
  pattern: string,
  article: { externalId: string | null; slug: string },
): string | null {
  if (pattern.includes("{externalId}") && !article.externalId) return null;
  return pattern
    .replace(/\{externalId\}/g, () => encodeURIComponent(article.externalId ?? ""))
    .replace(/\{slug\}/g, () => encodeURIComponent(article.slug));
}

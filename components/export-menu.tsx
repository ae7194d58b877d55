import Link from "@/components/link";
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from "@/lib/formats/export-formats";

/**
 * "Download" menu with one link per export format (GET /api/v1/articles/{id}/export). A
 * <details> disclosure: keyboard and screen-reader friendly without any script, so it works in
 * server components. TMX holds approved text only, so it is left out until there is some.
 */
export function ExportMenu({
  articleId,
  hasApprovedRevision = true,
  canImport = false,
}: {
  articleId: string;
  hasApprovedRevision?: boolean;
  /** Also offer "Upload XLIFF…" (the import page, prefilled with this article). */
  canImport?: boolean;
}) {
  const href = (format: string) =>
    `/api/v1/articles/${encodeURIComponent(articleId)}/export?format=${format}`;
  const formats = EXPORT_FORMATS.filter((f) => f !== "tmx" || hasApprovedRevision);
  return (
    <details className="relative inline-block text-sm" data-testid="export-menu">
      <summary className="cursor-pointer list-none rounded border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
        Download ▾
      </summary>
      <ul
        aria-label="Download formats"
        className="absolute right-0 z-10 mt-1 w-64 rounded border border-slate-200 bg-white py-1 shadow-lg"
      >
        {formats.map((format) => (
          <li key={format}>
            <a
              href={href(format)}
              download
              className="block px-3 py-1.5 hover:bg-slate-100 focus:bg-slate-100"
            >
              {EXPORT_FORMAT_LABELS[format]}
            </a>
          </li>
        ))}
        {canImport ? (
          <li className="border-t border-slate-100">
            <Link
              href={`/articles/import?article=${encodeURIComponent(articleId)}`}
              className="block px-3 py-1.5 hover:bg-slate-100 focus:bg-slate-100"
            >
              Upload translated XLIFF…
            </Link>
          </li>
        ) : null}
      </ul>
    </details>
  );
}

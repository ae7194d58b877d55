// The interchange formats GET /api/v1/articles/{id}/export?format= knows (docs/api.md).
export const EXPORT_FORMATS = ["json", "xliff", "xliff12", "tmx", "md", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  json: "Galley JSON (full history)",
  xliff: "XLIFF 2.0",
  xliff12: "XLIFF 1.2",
  tmx: "TMX (approved text only)",
  md: "Markdown",
  html: "HTML",
};

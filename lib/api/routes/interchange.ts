import { galleyArticleDocumentSchema } from "@/lib/formats/galley-json";
import { defineRoute } from "../contract";
import {
  IMPORT_DOCUMENT_MAX_BYTES,
  XLIFF_CONTENT_TYPES,
  XLIFF_MAX_BYTES,
  exportQuerySchema,
  importResultSchema,
  revisionResultSchema,
  tmxExportQuerySchema,
  xliffImportQuerySchema,
} from "../schemas/interchange";
import { createdOrUnchanged } from "./common";

export const importArticle = defineRoute({
  method: "POST",
  path: "/api/v1/articles/import",
  summary: "Recreate an article from its Galley JSON export",
  description:
    "Inserts the article with every revision, text, publication, annotation, feedback item " +
    "and QA dismissal, keeping ids. Users are matched by email; missing ones are created as " +
    "disabled viewers.",
  tag: "interchange",
  permission: "ingest:article",
  body: galleyArticleDocumentSchema,
  maxBodyBytes: IMPORT_DOCUMENT_MAX_BYTES,
  responses: [{ status: 201, description: "Imported", schema: importResultSchema }],
  errors: { 409: "The article (same id, or same outlet+externalId) already exists" },
});

export const exportArticle = defineRoute({
  method: "GET",
  path: "/api/v1/articles/{id}/export",
  summary: "Download the article in an interchange format",
  description:
    "json: the complete Galley document (history included); xliff / xliff12: XLIFF 2.0 / " +
    "1.2 of the current revision (file name carries the revision, e.g. slug-r3.xlf); tmx: " +
    "approved segment pairs only; md / html: the current text.",
  tag: "interchange",
  permission: "export:article",
  query: exportQuerySchema,
  responses: [
    {
      status: 200,
      description: "format=json: the Galley document, as an attachment",
      schema: galleyArticleDocumentSchema,
    },
    {
      status: 200,
      description: "The other formats, as an attachment",
      contentTypes: [
        "application/xliff+xml",
        "application/x-tmx+xml",
        "text/markdown",
        "text/html",
      ],
    },
  ],
  errors: { 404: "No such article", 409: "format=tmx and the article has no approved revision" },
});

export const importXliff = defineRoute({
  method: "POST",
  path: "/api/v1/articles/{id}/xliff",
  summary: "Apply a translated XLIFF as a new revision",
  description:
    "XLIFF 2.0 or 1.2 as exported (unit ids s0, s1, …). Each unit must name a segment and " +
    "carry its source; units without a target leave the segment alone. 201 with the new " +
    "revision, 200 when nothing changed.",
  tag: "interchange",
  permission: "edit:revision",
  query: xliffImportQuerySchema,
  rawBody: { contentTypes: XLIFF_CONTENT_TYPES, description: "The XLIFF document" },
  maxBodyBytes: XLIFF_MAX_BYTES,
  responses: createdOrUnchanged(revisionResultSchema, "A revision was created"),
  errors: { 404: "No such article", 409: "baseRevision is not the current revision" },
});

export const exportTmx = defineRoute({
  method: "GET",
  path: "/api/v1/exports/tmx",
  summary: "TMX of every approved article matching the filters (streamed)",
  tag: "interchange",
  permission: "export:article",
  query: tmxExportQuerySchema,
  responses: [
    {
      status: 200,
      description: "TMX 1.4, as an attachment",
      contentTypes: ["application/x-tmx+xml"],
    },
  ],
});

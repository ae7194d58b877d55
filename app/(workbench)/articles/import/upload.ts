// Browser-side upload helpers for the import page. XMLHttpRequest rather than fetch: only XHR
// reports upload progress.

export interface UploadResponse {
  status: number;
  body: unknown;
}

export function postWithProgress(
  url: string,
  body: string,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = null;
      }
      resolve({ status: xhr.status, body: parsed });
    };
    xhr.onerror = () => reject(new Error("Network error: the upload did not reach the server"));
    xhr.send(body);
  });
}

/** The API's error message, or a generic one naming the status. */
export function errorMessage(res: UploadResponse): string {
  const body = res.body as { message?: unknown } | null;
  return typeof body?.message === "string" ? body.message : `The server answered ${res.status}`;
}

export type FileKind = "ndjson" | "galley-json" | "xliff";

/** By extension first, then by the first character for files with odd names. */
export function detectKind(name: string, text: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "galley-json";
  if (lower.endsWith(".xlf") || lower.endsWith(".xliff") || lower.endsWith(".xml")) return "xliff";
  const first = text.trimStart()[0];
  if (first === "<") return "xliff";
  if (first === "{") return "ndjson";
  return null;
}

/** What an XLIFF file says about where it came from: our exports name both. */
export function xliffOrigin(name: string, xml: string): { articleId: string; revision: string } {
  const revision = /-r(\d+)(?:\.xliff12)?\.(?:xlf|xliff|xml)$/i.exec(name)?.[1] ?? "";
  let articleId = "";
  try {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const root = doc.documentElement;
    // XLIFF 2.0: <file id="{article id}">. XLIFF 1.2 only has the slug, which is not an id.
    if (root?.getAttribute("version") === "2.0") {
      articleId = doc.getElementsByTagName("file")[0]?.getAttribute("id") ?? "";
    }
  } catch {
    articleId = "";
  }
  return { articleId, revision };
}

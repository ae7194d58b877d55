import { readFileSync } from "node:fs";
import { request as pwRequest } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { API_RULES, PAGE_RULES } from "./authz-rules";
import { expect, ingestFresh, ORIGIN, publishArticle, signInApi, test } from "./fixtures";
import { discover } from "./routes";

// Issue 12, item 9: hostile input never gets a 5xx. Every route on disk (the
// same discovery as the authorization matrix) gets malformed values in each path
// parameter, each query parameter and each body field (names from the OpenAPI
// document, or the page's own source), as an admin so validation is reached, and
// anonymously on public routes. The file name sorts last: it leaves junk rows.

const LONG = "x".repeat(5_000);
const b64 = (s: string) => Buffer.from(s).toString("base64url");

/** Raw path segments, sent as is (already percent-encoded where needed); every one goes to every path parameter. */
const PATH_VALUES = [
  "%00",
  "a%00b",
  "%FF",
  "%E0%A4%A",
  "%ED%A0%80",
  "%C0%AF",
  "-1",
  "1.5",
  "2147483648",
  "99999999999999999999999",
  "NaN",
  "0000-01-01",
  encodeURIComponent("' OR 1=1--"),
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(3_000),
  "%F0%9F%92%A9",
];

// Every query parameter and body field gets the CORE values plus a few from the
// POOL, rotated so that across all slots the whole pool (200+ values) is sent
// while the run stays short.
const CORE_QUERY = ["\u0000", "0000-01-01", "2147483648", "-1", "!!!not-a-cursor!!!", LONG];
const CORE_BODY: unknown[] = ["a\u0000b", "0000-01-01T00:00:00Z", 2147483648, -1, 1.5, null, []];

function pool(): string[] {
  const values: string[] = [];
  for (const y of ["0000", "-0001", "10000", "+275760", "99999"])
    for (const md of ["01-01", "13-01", "00-10", "02-30", "12-32"])
      values.push(`${y}-${md}`, `${y}-${md}T00:00:00Z`, `${y}-${md}T12:00:00+09:00`);
  for (const t of ["24:00:00", "25:61:61", "00:00:00+25:00", "23:59:60Z", "00:00:00.0000000001Z"])
    values.push(`2024-01-01T${t}`);
  values.push("2024-02-30", "2023-02-29", "2024-1-1", "1/1/2024", "yesterday", "1e3-01-01");
  for (const n of [
    "0",
    "-0",
    "-1",
    "-2147483648",
    "-2147483649",
    "2147483647",
    "2147483648",
    "4294967296",
    "9007199254740993",
    "1e21",
    "1e308",
    "1e309",
    "-1e309",
    "0.5",
    "1.0000001",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "0b1",
    "1_000",
    " 1",
    "1 ",
    "+1",
    "٣",
    "１",
  ])
    values.push(n);
  for (const len of [201, 321, 1_001, 2_049, 5_001, 20_000]) values.push("y".repeat(len));
  for (const c of [
    "\u0000",
    "\u0000\u0000",
    "a\u0000",
    "\u0000a",
    "%00",
    "%FF",
    "\uFFFE",
    "\uFFFF",
    "\u202E",
    "\uD800",
    "\uDFFF",
    "\u200B",
    "\r\n",
    "\t",
    " ",
    "",
    "💩",
    "ﷺ",
    "Ω≈ç√",
  ])
    values.push(c);
  for (const inj of [
    "' OR 1=1--",
    '"; DROP TABLE "Article"; --',
    "${7*7}",
    "{{7*7}}",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "javascript:alert(1)",
    "data:text/html,x",
    "\\\\evil\\x",
    "//evil.example",
    "a@b",
    "@",
    "[object Object]",
    "undefined",
    "null",
    "true",
    "[]",
    "{}",
    "__proto__",
    "constructor",
  ])
    values.push(inj);
  for (const c of [
    "",
    "|",
    "x|",
    "|x",
    "a|b|c",
    "2024-01-01T00:00:00.000Z|",
    "0000-01-01T00:00:00.000Z|x",
    "+275760-09-13T00:00:00.000Z|x",
    "-271821-04-20T00:00:00.000Z|x",
    "2024-01-01T00:00:00.000Z|\u0000",
    "2024-01-01T00:00:00.000Z|" + "z".repeat(300),
    "not a date|x",
    "9999-12-31T23:59:59.999Z|x",
  ])
    values.push(b64(c));
  values.push("====", "%%%", "a".repeat(199), "cursor-\u0000", "-1", "99999999999999999999");
  return [...new Set(values)];
}
const POOL = pool();
const ROTATE = 3;
let slot = 0;
/** The values for the next slot: the core ones plus the next few of the pool. */
function valuesFor<T>(core: T[], extra: (v: string) => T = (v) => v as unknown as T): T[] {
  const start = (slot++ * ROTATE) % POOL.length;
  return [
    ...core,
    ...Array.from({ length: ROTATE }, (_, i) => extra(POOL[(start + i) % POOL.length]!)),
  ];
}

/** Valid bodies, so a malformed field is checked past the rest of the schema. */
function validBodies(ids: Record<string, string>): Record<string, Record<string, unknown>> {
  return {
    "POST /api/v1/articles": {
      sourceLang: "ko",
      targetLang: "en",
      engine: { name: "Fuzz MT", version: "1" },
      externalId: ids.externalId,
      outlet: "Fuzz",
      title: { source: "제목", mt: "Fuzz title" },
      source: "첫 문단.",
      mt: "First paragraph.",
      publishedAt: "2026-01-01T00:00:00Z",
    },
    "POST /api/v1/articles/[id]/feedback": {
      category: "OTHER",
      comment: "fuzz",
      segmentIndex: 1,
      quoteStart: 0,
      quoteEnd: 2,
      revisionSeen: 1,
    },
    "POST /read/[slug]/feedback": { category: "OTHER", comment: "fuzz", segmentIndex: 1 },
    "POST /api/v1/articles/[id]/revisions": {
      baseRevision: 1,
      segments: [{ index: 1, text: "x" }],
    },
    "POST /api/v1/articles/[id]/revert": { to: 1, baseRevision: 1, reason: "fuzz" },
    "POST /api/v1/articles/[id]/annotations": {
      segmentIndex: 1,
      start: 0,
      end: 2,
      category: "Fluency/Grammar",
      severity: "minor",
    },
    "POST /api/v1/articles/[id]/checks/dismiss": {
      segmentIndex: 1,
      check: "punctuation",
      fingerprint: "x",
    },
    "PATCH /api/v1/feedback/[id]": { status: "REJECTED", reason: "fuzz" },
    "POST /api/v1/feedback/bulk": { ids: [ids.feedbackId], status: "SPAM" },
    "POST /api/v1/glossary": {
      sourceLang: "ko",
      targetLang: "en",
      sourceTerm: "퍼즈",
      targetTerm: "fuzz",
    },
  };
}

interface Probe {
  route: string;
  method: string;
  url: string;
  body?: { data: unknown; contentType: string };
  anonymous?: boolean;
}

const fill = (template: string, ids: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? "x");

/** Path segments "[param]" of a route, mapped to the sample path of its authz rule. */
function pathProbes(
  route: string,
  method: string,
  samplePath: string,
  ids: Record<string, string>,
) {
  const probes: Probe[] = [];
  const [pathname, query = ""] = fill(samplePath, ids).split("?");
  const sample = pathname!.split("/");
  const template = route.split("/");
  template.forEach((seg, i) => {
    if (!/^\[.*\]$/.test(seg) || seg.startsWith("[...")) return;
    for (const v of PATH_VALUES) {
      const parts = [...sample];
      parts[i] = v;
      probes.push({ route, method, url: parts.join("/") + (query ? `?${query}` : "") });
    }
  });
  return probes;
}

test("no route answers hostile input with a 5xx", async () => {
  test.setTimeout(240_000);
  const admin = await pwRequest.newContext({ baseURL: BASE_URL });
  await signInApi(admin, "admin");
  const anonymous = await pwRequest.newContext({ baseURL: BASE_URL });

  // Something real to point at: a published article, one feedback item, one annotation.
  const article = await ingestFresh(admin);
  await publishArticle(admin, article.id);
  const fb = await anonymous.post(`/api/v1/articles/${article.id}/feedback`, {
    data: { category: "OTHER", comment: "fuzz target" },
    headers: { "x-forwarded-for": "10.99.0.1" },
  });
  expect(fb.status(), await fb.text()).toBe(201);
  const ann = await admin.post(`/api/v1/articles/${article.id}/annotations`, {
    headers: { origin: ORIGIN },
    data: { segmentIndex: 1, start: 0, end: 2, category: "Fluency/Grammar", severity: "minor" },
  });
  expect(ann.status(), await ann.text()).toBe(201);
  const ids: Record<string, string> = {
    id: article.id,
    slug: article.slug,
    feedbackId: (await fb.json()).id,
    annotationId: (await ann.json()).id,
    externalId: `fuzz-${Date.now()}`,
  };

  const openapi = (await (await admin.get("/api/v1/openapi.json")).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: {
            content?: Record<string, { schema?: { properties?: Record<string, unknown> } }>;
          };
        }
      >
    >;
  };
  const bodies = validBodies(ids);
  const { api, pages, files } = discover();
  const probes: Probe[] = [];

  for (const key of api) {
    const rule = API_RULES[key];
    expect(rule, `authz rule for ${key}`).toBeTruthy();
    const [method, route] = key.split(" ") as [string, string];
    if (route.startsWith("/api/auth") || route.startsWith("/api/bench")) continue;
    const anonymousToo = rule!.min === "public";
    const op = openapi.paths[route.replace(/\[(\w+)\]/g, "{$1}")]?.[method.toLowerCase()];
    const base = fill(rule!.path, ids).split("?")[0]!;
    const add = (p: Omit<Probe, "route" | "method">) => {
      probes.push({ route: key, method, ...p });
      // Public routes are probed anonymously too (path and query; a body is read the same way for anyone).
      if (anonymousToo && !p.body) probes.push({ route: key, method, ...p, anonymous: true });
    };
    for (const p of pathProbes(route, method, rule!.path, ids)) add(p);
    const queryNames = (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
    for (const name of new Set([...queryNames, "cursor"])) {
      for (const v of valuesFor(CORE_QUERY))
        add({ url: `${base}?${new URLSearchParams({ [name]: v })}` });
    }
    if (method === "GET") continue;
    const form = key === "POST /read/[slug]/feedback";
    const schemaFields = Object.keys(
      op?.requestBody?.content?.["application/json"]?.schema?.properties ?? {},
    );
    const valid = bodies[key] ?? {};
    const fields = new Set([...schemaFields, ...Object.keys(valid)]);
    if (form)
      for (const f of [
        "category",
        "comment",
        "suggestion",
        "quote",
        "contact",
        "segmentIndex",
        "quoteStart",
        "quoteEnd",
        "revisionSeen",
      ])
        fields.add(f);
    for (const field of fields) {
      for (const v of valuesFor(CORE_BODY)) {
        const data = { ...valid, [field]: v };
        add({
          url: base,
          body: form
            ? {
                data: new URLSearchParams(
                  Object.entries(data).map(([k, x]) => [
                    k,
                    typeof x === "string" ? x : JSON.stringify(x),
                  ]),
                ).toString(),
                contentType: "application/x-www-form-urlencoded",
              }
            : { data: JSON.stringify(data), contentType: rule!.contentType ?? "application/json" },
        });
      }
    }
    // The whole body of the wrong type.
    for (const raw of ["null", "[]", "1", '"x"', "{", "\u0000", "{}".padEnd(10, " ")]) {
      add({ url: base, body: { data: raw, contentType: rule!.contentType ?? "application/json" } });
    }
  }

  const vocabulary = /\b(?:sp|searchParams\)?)\.(\w+)/g;
  for (const page of pages) {
    const rule = PAGE_RULES[page]!;
    const base = fill(rule.path, ids).split("?")[0]!;
    for (const p of pathProbes(page, "GET", rule.path, ids)) probes.push({ ...p, route: page });
    const src = readFileSync(files[page]!, "utf8");
    const apiOp = openapi.paths[`/api/v1${page.replace(/\[(\w+)\]/g, "{$1}")}`]?.get;
    const names = new Set([
      ...[...src.matchAll(vocabulary)].map((m) => m[1]!),
      ...(apiOp?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
    ]);
    if (/readFilters|cursor/.test(src)) names.add("cursor");
    for (const name of names) {
      for (const v of valuesFor(CORE_QUERY)) {
        probes.push({
          route: page,
          method: "GET",
          url: `${base}?${new URLSearchParams({ [name]: v })}`,
        });
      }
    }
  }
  // The issue's own examples, anonymously.
  probes.push({ route: "/read/[slug]", method: "GET", url: "/read/%00", anonymous: true });
  probes.push({
    route: "POST /api/v1/articles/[id]/feedback",
    method: "POST",
    url: "/api/v1/articles/%00/feedback",
    anonymous: true,
    body: { data: "{}", contentType: "application/json" },
  });

  expect(probes.length).toBeGreaterThan(2_000);
  expect(slot * ROTATE, "every pool value is sent at least once").toBeGreaterThanOrEqual(
    POOL.length,
  );
  expect(POOL.length + CORE_QUERY.length + CORE_BODY.length + PATH_VALUES.length).toBeGreaterThan(
    200,
  );
  const failures: string[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < probes.length; i = next++) {
      const p = probes[i]!;
      const ctx = p.anonymous ? anonymous : admin;
      try {
        const res = await ctx.fetch(p.url, {
          method: p.method,
          headers: {
            origin: ORIGIN,
            accept: "application/json",
            "x-forwarded-for": `10.98.${(i >> 8) & 255}.${i & 255}`,
            ...(p.body ? { "content-type": p.body.contentType } : {}),
          },
          ...(p.body ? { data: Buffer.from(String(p.body.data)) } : {}),
          maxRedirects: 0,
          timeout: 30_000,
        });
        if (res.status() >= 500) {
          failures.push(
            `${res.status()} ${p.method} ${p.url.slice(0, 160)}${p.body ? ` ${String(p.body.data).slice(0, 120)}` : ""}${p.anonymous ? " (anonymous)" : ""}`,
          );
        }
      } catch (err) {
        failures.push(
          `no answer: ${p.method} ${p.url.slice(0, 160)}: ${(err as Error).message.split("\n")[0]}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  console.log(
    `fuzz (${slot} query/body slots, ${POOL.length + CORE_QUERY.length + CORE_BODY.length + PATH_VALUES.length} malformed values): ${probes.length} requests over ${api.length} API routes and ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(failures).toEqual([]);
  await admin.dispose();
  await anonymous.dispose();
});

// Issue 12, item 10: a server action posted from another site is refused with 403 (was 500).
test("a server action with a foreign Origin gets 403, not 500", async ({ request }) => {
  await signInApi(request, "admin");
  for (const path of ["/admin", "/articles", "/signin"]) {
    const res = await request.post(path, {
      headers: {
        origin: "https://evil.example",
        "next-action": "0000000000000000000000000000000000000000",
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
      maxRedirects: 0,
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(403);
  }
});

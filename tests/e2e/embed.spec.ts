import AxeBuilder from "@axe-core/playwright";
import { createHash, randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { APIRequestContext, Page } from "@playwright/test";
import { apiAs } from "./feedback-support";
import { expect, ingestFresh, ORIGIN, publishArticle, signInPage, test } from "./fixtures";

// Issue 17: the feedback footer on the publisher's own page. A host page is served from another
// origin (port 3311, started here) with a strict CSP that allows scripts and connections only
// from itself and Galley, and no inline styles. It embeds /embed.js with the snippet the outlet
// admin page shows. `http://127.0.0.1:3311` is on the outlet's list; the same page loaded as
// `http://localhost:3311` is another origin, which is not.

const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 3311);
const ALLOWED = `http://127.0.0.1:${HOST_PORT}`;
const REFUSED = `http://localhost:${HOST_PORT}`;
const CSP = [
  "default-src 'none'",
  `script-src 'self' ${ORIGIN}`,
  `connect-src 'self' ${ORIGIN}`,
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

// The host page's own styles, hostile on purpose: none of it may reach the embed's footer or
// dialog, and the embed's styles must not reach the page (its h2 stays as set here).
const HOST_CSS = `
  * { color: rgb(255, 0, 0) !important; font-family: serif; }
  a { text-decoration: none; }
  h2 { font-size: 40px; }
  label, dialog, p { letter-spacing: 3px; }
`;

let server: Server;
let hostHtml = "<p>no article yet</p>";
let admin: APIRequestContext;
let editor: APIRequestContext;
let reviewer: APIRequestContext;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

test.beforeAll(async ({ baseURL }) => {
  admin = await apiAs(baseURL!, "admin");
  editor = await apiAs(baseURL!, "editor");
  reviewer = await apiAs(baseURL!, "reviewer");
  server = createServer((req, res) => {
    if (req.url === "/host.css") {
      res.writeHead(200, { "content-type": "text/css" });
      res.end(HOST_CSS);
      return;
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": CSP,
    });
    res.end(hostHtml);
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all([admin.dispose(), editor.dispose(), reviewer.dispose()]);
});

/** A fresh outlet allowing only ALLOWED, and a published article of it. */
async function publishedOutletArticle() {
  const unique = `${Date.now()}-${randomInt(1e9).toString(36)}`;
  const name = `Embed Outlet ${unique}`;
  const created = await admin.post("/api/v1/outlets", {
    headers: { origin: ORIGIN },
    data: { name, allowedOrigins: [ALLOWED], timeZone: "Asia/Seoul" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const externalId = `embed-${unique}`;
  const article = await ingestFresh(editor, {
    outlet: name,
    externalId,
    title: { source: "다리 개통", mt: "Bridge opens in 2028" },
    source:
      "다리는 2028년에 개통한다.\n\n관계자들은 다리가 2028년에 개통한다고 말했다.\n\n그들은 기뻐했다.",
    mt: "The bridge opens in 2028.\n\nOfficials said the bridge opens in 2028, not earlier.\n\nThey were glad.",
  });
  await publishArticle(editor, article.id);
  return { name, externalId, ...article };
}

/** The snippet exactly as the outlet admin page shows it, pointed at this article. */
async function snippetFromAdminPage(page: Page, outlet: string, externalId: string) {
  await page.goto("/admin/outlets");
  const snippet = (await page.getByTestId("embed-snippet").textContent())!;
  const integrity = (await page.getByTestId("embed-integrity").textContent())!;
  expect(snippet).toContain(`integrity="${integrity}"`);
  return snippet
    .replace(/data-outlet="[^"]*"/, `data-outlet="${esc(outlet)}"`)
    .replace(/data-external-id="[^"]*"/, `data-external-id="${esc(externalId)}"`)
    .replace("<script ", '<script data-target="#galley-footer" ');
}

/** axe-core (it reads into shadow roots): no serious or critical WCAG 2.1 AA violations. */
async function expectAccessible(page: Page, include: string) {
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}

function hostPage(snippet: string, noJsLink: string): string {
  // Whitespace and inline markup differ from Galley's text on purpose.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="/host.css"></head>
<body>
<h2 id="host-h2">The publisher's own heading</h2>
<article id="story">
  <h1>Bridge opens in 2028</h1>
  <p>The bridge opens in 2028.</p>
  <p>Officials said the
     bridge opens in <em>2028</em>, not earlier.</p>
  <p>They were glad.</p>
</article>
<div id="galley-footer"><p>This article has been translated by AI.
  <a id="nojs-link" href="${esc(noJsLink)}">Share your feedback here</a></p></div>
${snippet}
</body></html>`;
}

test("a reader on the outlet's page selects text and sends feedback that lands on that segment", async ({
  page,
  browser,
}) => {
  const article = await publishedOutletArticle();
  // The admin copies the snippet from the outlet admin page, in a browser of their own.
  const signedIn = await browser.newContext();
  const adminPage = await signedIn.newPage();
  await signInPage(adminPage, "admin");
  const snippet = await snippetFromAdminPage(adminPage, article.name, article.externalId);
  await expectAccessible(adminPage, "main");
  await signedIn.close();

  // The documented integrity is the sha384 of the bytes /embed.js serves.
  const src = /src="([^"]+)"/.exec(snippet)![1]!;
  const script = await page.request.get(src);
  expect(script.headers()["cache-control"]).toContain("max-age=31536000");
  const digest = createHash("sha384")
    .update(await script.body())
    .digest("base64");
  expect(snippet).toContain(`integrity="sha384-${digest}"`);

  const noJsLink = `${ORIGIN}/read?outlet=${encodeURIComponent(article.name)}&externalId=${article.externalId}`;
  hostHtml = hostPage(snippet, noJsLink);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${ALLOWED}/`);
  const hostH2Size = await page.locator("#host-h2").evaluate((h) => getComputedStyle(h).fontSize);

  // The footer renders in a shadow root in place of the no-JS fallback, with Galley's disclosure.
  const footer = page.locator("#galley-footer");
  const link = footer.getByRole("link", { name: "Share your feedback here" });
  await expect(link).toBeVisible();
  await expect(footer.locator("p[data-state]")).toHaveText(
    /^Translated by AI and reviewed by an editor on \d{1,2} \w+ \d{4}\. Share your feedback here\.$/,
  );
  await expect(page.locator("#nojs-link")).toBeHidden();
  expect(await footer.evaluate((el) => el.shadowRoot !== null)).toBe(true);
  // Styled under `style-src 'self'` (a constructed stylesheet), untouched by the page's CSS…
  const footerBox = footer.locator(".footer");
  await expect(footerBox).toHaveCSS("border-top-style", "solid");
  await expect(footerBox).toHaveCSS("color", "rgb(30, 41, 59)");
  await expect(link).toHaveCSS("text-decoration-line", "underline");
  // …and the page untouched by the embed's.
  expect(await page.locator("#host-h2").evaluate((h) => getComputedStyle(h).fontSize)).toBe(
    hostH2Size,
  );

  // Keyboard: Enter opens a labelled modal dialog with focus inside; Escape closes it and
  // focus returns to the link.
  await link.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Feedback on this translation" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("What is wrong?")).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toHaveCSS(
    "letter-spacing",
    "normal",
  );
  // Tab from the last control wraps to the first: focus stays in the dialog.
  await dialog.getByRole("button", { name: "Send feedback" }).focus();
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("What is wrong?")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();

  // The reader selects "the bridge opens in 2028" in the second paragraph (the words occur in
  // the first one too; on the page they span a line break and an <em>).
  await page.evaluate(() => {
    const p = document.querySelectorAll("#story p")[1]!;
    const first = p.firstChild as Text;
    const em = p.querySelector("em")!.firstChild as Text;
    getSelection()!.setBaseAndExtent(first, first.data.indexOf("the"), em, em.data.length);
  });
  await link.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("blockquote")).toHaveText("the bridge opens in 2028");
  await expectAccessible(page, "#galley-footer");
  await dialog.getByLabel("What is wrong?").selectOption("MISTRANSLATION");
  await dialog.getByLabel("What did you notice?").fill("Should be 'is due to open'.");
  await dialog.getByRole("button", { name: "Send feedback" }).click();
  await expect(dialog.getByRole("status")).toHaveText(
    "Thank you. Our editors will review your feedback.",
  );
  expect(violations).toEqual([]);

  // It landed on segment 2 with offsets into Galley's text.
  const inbox = await reviewer.get(`/api/v1/feedback?articleId=${article.id}`);
  const { items } = (await inbox.json()) as {
    items: {
      segmentIndex: number;
      quote: string;
      quoteStart: number;
      quoteEnd: number;
      comment: string;
    }[];
  };
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    segmentIndex: 2,
    quote: "the bridge opens in 2028",
    quoteStart: 15,
    quoteEnd: 39,
    comment: "Should be 'is due to open'.",
  });
});

test("another origin is refused by CORS, and the no-JS link reaches the feedback form", async ({
  page,
  browser,
}) => {
  const article = await publishedOutletArticle();
  const lookup = `${ORIGIN}/api/v1/public/articles/lookup?outlet=${encodeURIComponent(article.name)}&externalId=${article.externalId}`;
  const snippet = `<script src="${ORIGIN}/embed.js" data-target="#galley-footer" data-outlet="${esc(article.name)}" data-external-id="${article.externalId}" async></script>`;
  const noJsLink = `${ORIGIN}/read?outlet=${encodeURIComponent(article.name)}&externalId=${article.externalId}`;
  hostHtml = hostPage(snippet, noJsLink);

  // The same page from an origin not on the outlet's list: the script loads, its calls fail.
  await page.goto(`${REFUSED}/`);
  const outcome = await page.evaluate(
    async ({ lookup, feedback }) => {
      const tryFetch = (url: string, init?: RequestInit) =>
        fetch(url, { credentials: "omit", ...init }).then(
          (r) => `answered ${r.status}`,
          (e: Error) => `blocked: ${e.name}`,
        );
      return {
        lookup: await tryFetch(lookup),
        feedback: await tryFetch(feedback, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ category: "OTHER", comment: "from a refused origin" }),
        }),
      };
    },
    { lookup, feedback: `${ORIGIN}/api/v1/articles/${article.id}/feedback` },
  );
  expect(outcome).toEqual({ lookup: "blocked: TypeError", feedback: "blocked: TypeError" });
  // The embed rendered nothing; the publisher's fallback stays.
  await expect(page.locator("#nojs-link")).toBeVisible();
  // What the browser saw: no Access-Control-Allow-Origin for that origin, one for the listed one.
  const asRefused = await page.request.get(lookup, { headers: { origin: REFUSED } });
  expect(asRefused.headers()["access-control-allow-origin"]).toBeUndefined();
  const asAllowed = await page.request.get(lookup, { headers: { origin: ALLOWED } });
  expect(asAllowed.headers()["access-control-allow-origin"]).toBe(ALLOWED);
  expect(asAllowed.headers()["access-control-allow-credentials"]).toBeUndefined();
  const inbox = await reviewer.get(`/api/v1/feedback?articleId=${article.id}`);
  expect(((await inbox.json()) as { items: unknown[] }).items).toHaveLength(0);

  // Without JavaScript the publisher's own link goes to /read/<slug>#feedback, form open.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const reader = await noJs.newPage();
  await reader.goto(`${ALLOWED}/`);
  await reader.locator("#nojs-link").click();
  await expect(reader).toHaveURL(`${ORIGIN}/read/${article.slug}#feedback`);
  await expect(reader.getByTestId("feedback-form")).toBeVisible();
  await noJs.close();
});

test("an admin configures an outlet on the admin page, and a near-miss origin is named", async ({
  page,
}) => {
  await signInPage(page, "admin");
  await page.goto("/admin/outlets");
  const name = `Admin Page Outlet ${Date.now()}`;
  const form = page.getByRole("form", { name: "New outlet" });
  await form.getByLabel("Name (the articles' outlet)").fill(name);
  await form.getByLabel("Allowed origins (one per line)").fill("https://news.example/");
  await form.getByLabel("Time zone (IANA; empty = Galley's)").fill("Asia/Seoul");
  await form.getByRole("button", { name: "Add outlet" }).click();
  await expect(form.getByRole("alert")).toContainText("did you mean https://news.example?");
  await form.getByLabel("Allowed origins (one per line)").fill("https://news.example");
  await form.getByRole("button", { name: "Add outlet" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const list = await admin.get("/api/v1/outlets");
  const { items } = (await list.json()) as { items: { name: string; allowedOrigins: string[] }[] };
  expect(items.find((o) => o.name === name)).toMatchObject({
    allowedOrigins: ["https://news.example"],
    timeZone: "Asia/Seoul",
  });
});

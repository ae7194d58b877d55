import { ORIGIN, expect, freshArticle, signInApi, test } from "./fixtures";

// Issue 17 item 7: a corrected article's /read page carries schema.org NewsArticle JSON-LD
// with `correction`, and the Atom feed of corrections lists it.
const RUN = Date.now().toString(36);

test("a corrected article has NewsArticle JSON-LD with its correction, and the Atom feed lists it", async ({
  browser,
  page,
}) => {
  const outlet = `E2E Corrections ${RUN}`;
  const sourceUrl = `https://source.example/ko/${RUN}`;
  const article = await freshArticle(browser, { outlet, url: sourceUrl }, { published: true });
  // A note that would end a naively written script element and run code (noDialogs fails on it).
  const note = `The reunion came after 70 years. </script><script>alert("jsonld")</script> ${RUN}`;

  const editor = await browser.newContext();
  await signInApi(editor.request, "editor");
  const save = await editor.request.post(`/api/v1/articles/${article.id}/revisions`, {
    headers: { origin: ORIGIN },
    data: { baseRevision: 1, segments: [{ index: 2, text: "The two met after 70 years." }] },
  });
  expect(save.status(), await save.text()).toBe(201);
  for (const to of ["APPROVED", "PUBLISHED"]) {
    const res = await editor.request.post(`/api/v1/articles/${article.id}/status`, {
      headers: { origin: ORIGIN },
      data: { to, note: to === "PUBLISHED" ? note : undefined, override: { reason: "e2e" } },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await editor.close();

  await page.goto(`/read/${article.slug}`);
  await expect(page.getByText("The two met after 70 years.")).toBeVisible();
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const jsonLd = JSON.parse((await scripts.textContent()) ?? "");
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: "Uncle on father's side and nephew",
    url: `${ORIGIN}/read/${article.slug}`,
    inLanguage: "en",
    publisher: { "@type": "Organization", name: outlet },
    isBasedOn: sourceUrl,
    translationOfWork: { "@type": "NewsArticle", url: sourceUrl, inLanguage: "ko" },
    correction: [{ "@type": "CorrectionComment", text: note }],
  });
  expect(new Date(jsonLd.correction[0].datePublished).getTime()).toBeGreaterThan(
    new Date(jsonLd.datePublished).getTime(),
  );
  expect(jsonLd.dateModified).toBe(jsonLd.correction[0].datePublished);
  // Crawlers read the HTML as served, not the DOM after hydration (which would mend a broken
  // element): there the note must stay inside the one JSON-LD script, as JSON text.
  const html = await (await page.request.get(`/read/${article.slug}`)).text();
  const served = [
    ...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g),
  ];
  expect(served).toHaveLength(1);
  expect(JSON.parse(served[0]![1]!)).toEqual(jsonLd);
  expect(html).not.toContain('<script>alert("jsonld")');

  const feed = await page.request.get(
    `/feeds/corrections.atom?outlet=${encodeURIComponent(outlet)}`,
  );
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml.match(/<entry>/g)).toHaveLength(1);
  expect(xml).toContain(`<link href="${ORIGIN}/read/${article.slug}"/>`);
  expect(xml).toContain("Uncle on father&apos;s side and nephew");
  expect(xml).toContain(`&lt;/script&gt;&lt;script&gt;alert(&quot;jsonld&quot;)`);
});

test("a published article without corrections has JSON-LD without `correction`; a draft has none", async ({
  browser,
  page,
}) => {
  const published = await freshArticle(browser, {}, { published: true });
  await page.goto(`/read/${published.slug}`);
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "",
  );
  expect(jsonLd["@type"]).toBe("NewsArticle");
  expect(jsonLd).not.toHaveProperty("correction");
  expect(jsonLd).not.toHaveProperty("isBasedOn");

  const draft = await freshArticle(browser);
  await page.goto(`/read/${draft.slug}`);
  await expect(page.getByRole("heading", { name: "This article is under review" })).toBeVisible();
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});

-- Issue 15 item 7: the slug follows the corrected headline, and every slug an
-- article ever had keeps answering (308 to the current one), forever.
-- "ArticleSlug" holds every slug ever given to an article, the current one
-- included, so its primary key makes slugs unique across current and old ones.

-- CreateTable
CREATE TABLE "ArticleSlug" (
    "slug" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ArticleSlug_articleId_idx" ON "ArticleSlug"("articleId");

-- AddForeignKey
ALTER TABLE "ArticleSlug" ADD CONSTRAINT "ArticleSlug_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every existing article's slug is its first.
INSERT INTO "ArticleSlug" ("slug", "articleId", "createdAt")
SELECT "slug", "id", "createdAt" FROM "Article";

-- Whatever writes "Article".slug (ingest, import, a rename), the slug is claimed
-- here too; a slug another article holds or once held is refused.
CREATE FUNCTION galley_claim_article_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner TEXT;
BEGIN
  INSERT INTO "ArticleSlug" ("slug", "articleId") VALUES (NEW."slug", NEW."id")
    ON CONFLICT ("slug") DO NOTHING;
  SELECT "articleId" INTO owner FROM "ArticleSlug" WHERE "slug" = NEW."slug";
  IF owner <> NEW."id" THEN
    RAISE EXCEPTION 'slug "%" belongs to another article', NEW."slug"
      USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Article_claim_slug" AFTER INSERT OR UPDATE OF "slug" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION galley_claim_article_slug();

-- Old links must answer forever: slugs are never reassigned or dropped.
CREATE TRIGGER "ArticleSlug_append_only" BEFORE UPDATE OR DELETE ON "ArticleSlug"
  FOR EACH ROW EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "ArticleSlug_no_truncate" BEFORE TRUNCATE ON "ArticleSlug"
  FOR EACH STATEMENT EXECUTE FUNCTION galley_forbid_change();

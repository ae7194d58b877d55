-- Issue 14, live presence: one row per open article event stream, renewed by its
-- heartbeat; expired rows are ignored by every reader and deleted lazily (ADR 008).

-- CreateTable
CREATE TABLE "ArticlePresence" (
    "connectionId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "segmentIndex" INTEGER,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticlePresence_pkey" PRIMARY KEY ("connectionId")
);

-- CreateIndex
CREATE INDEX "ArticlePresence_articleId_expiresAt_idx" ON "ArticlePresence"("articleId", "expiresAt");

-- CreateIndex
CREATE INDEX "ArticlePresence_userId_expiresAt_idx" ON "ArticlePresence"("userId", "expiresAt");

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 16: the risk-ranked queue. The score is stored on the article (updated at ingest, save
-- and QA dismissal, see lib/server/risk.ts) so "Riskiest first" is an index scan, not a
-- computation over every article per request (ADR 008).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "riskScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "riskReasons" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Article_riskScore_id_idx" ON "Article"("riskScore" DESC, "id" DESC);

-- Issue 16: translation memory and concordance over approved segment pairs
-- (lib/server/translation-memory.ts). Trigram GIN indexes serve both the fuzzy match
-- (similarity via the % operator) and the concordance search (ILIKE '%…%').
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Segment_source_trgm_idx" ON "Segment" USING GIN ("source" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SegmentText_text_trgm_idx" ON "SegmentText" USING GIN ("text" gin_trgm_ops);

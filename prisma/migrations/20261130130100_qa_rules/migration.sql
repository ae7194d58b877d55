-- Issue 16: custom QA rules written by editors (lib/quality/checks/custom-rules.ts).
-- NULL sourceLang/targetLang/engine = applies to every pair/engine.

-- CreateTable
CREATE TABLE "QaRule" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "sourcePattern" TEXT,
    "caseSensitive" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "sourceLang" TEXT,
    "targetLang" TEXT,
    "engine" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaRule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "QaRule_kind_check" CHECK ("kind" IN ('literal', 'regex')),
    CONSTRAINT "QaRule_severity_check" CHECK ("severity" IN ('info', 'warning', 'error'))
);

-- CreateIndex
CREATE INDEX "QaRule_enabled_idx" ON "QaRule"("enabled");

-- AddForeignKey
ALTER TABLE "QaRule" ADD CONSTRAINT "QaRule_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

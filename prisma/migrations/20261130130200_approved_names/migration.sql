-- Issue 16: "fix once, flag everywhere". The newsroom's approved spellings of people, places
-- and organisations, per target language (lib/quality/checks/approved-names.ts).

-- CreateTable
CREATE TABLE "ApprovedName" (
    "id" TEXT NOT NULL,
    "targetLang" TEXT NOT NULL,
    "spelling" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'PERSON',
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovedName_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ApprovedName_kind_check" CHECK ("kind" IN ('PERSON', 'PLACE', 'ORGANIZATION'))
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovedName_targetLang_spelling_key" ON "ApprovedName"("targetLang", "spelling");

-- AddForeignKey
ALTER TABLE "ApprovedName" ADD CONSTRAINT "ApprovedName_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

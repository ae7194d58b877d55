-- Issue 17: outlets as configuration. One row per publication (the `outlet` of ingested
-- articles): where its pages live, which origins may embed the feedback script, its time
-- zone, its disclosure texts, and where its chat notifications go.

-- CreateTable
CREATE TABLE "Outlet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "allowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "canonicalUrlPattern" TEXT,
    "timeZone" TEXT,
    "disclosures" JSONB NOT NULL DEFAULT '{}',
    "chatWebhookUrl" TEXT,
    "chatEvents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notifyReaderOnDecline" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outlet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Outlet_name_key" ON "Outlet"("name");

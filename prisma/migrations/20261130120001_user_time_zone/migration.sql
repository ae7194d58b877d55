-- Issue 15 item 8: a user may see the workbench's dates in their own time zone
-- (an IANA name); null follows GALLEY_TIME_ZONE.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

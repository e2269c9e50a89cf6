-- AlterTable
ALTER TABLE "RunSnapshot" ADD COLUMN     "licence" TEXT;


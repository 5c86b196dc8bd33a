-- Crowd sizes (protesters, strikers, people at a rally) get a category of their own. The value is
-- only added here: PostgreSQL refuses to use an enum value in the transaction that added it, and
-- lib/db/migrate.ts runs each migration in one transaction, so nothing below may use it.
ALTER TYPE "ClaimCategory" ADD VALUE IF NOT EXISTS 'CROWD_SIZE' BEFORE 'DATE';

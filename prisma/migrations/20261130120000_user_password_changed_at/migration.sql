-- When an admin last set the user's password. Sessions are signed tokens that name only the user,
-- so they cannot be revoked one by one; instead the user is read on every request (as for
-- deactivation) and a session signed in before this moment is over (lib/auth/load-actor.ts).
-- NULL: not set since the account was created.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" TIMESTAMPTZ(3);

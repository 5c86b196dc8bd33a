-- Sessions are signed tokens checked against the database on every request (lib/auth/load-actor.ts).
-- Two ways to end them before they expire:
--
-- "sessionsEndedAt": when the account was last deactivated or reactivated. Every session signed in
-- before it is over, so a token captured before a deactivation does not work again after the
-- reactivation. NULL: never.
--
-- "EndedSession": one signed-out session (the id its token carries), kept until the token would
-- have expired anyway, so a copy of a signed-out token is refused.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionsEndedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "EndedSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "endedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EndedSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EndedSession_userId_idx" ON "EndedSession"("userId");

-- CreateIndex
CREATE INDEX "EndedSession_expiresAt_idx" ON "EndedSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "EndedSession" ADD CONSTRAINT "EndedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The claim as the editor states it for publication (ClaimReview's claimReviewed); optional.
ALTER TABLE "Claim" ADD COLUMN "statement" TEXT;

import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
export const SEED_TEXTS_DIR = path.join(REPO_ROOT, "seed-texts");

import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. The app connects through the pg driver adapter
// (lib/db/client.ts), and migrations are applied by the project's own migrator (lib/db/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/derek" },
});

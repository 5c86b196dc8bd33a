import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresUrlTemplate: string;
    /** Like postgresUrlTemplate, as the app's role that owns nothing. */
    postgresAppUrlTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide("postgresAdminUrl", server.adminUrl);
  // The URL of a database named "{db}", for the per-file databases.
  project.provide("postgresUrlTemplate", server.urlFor("{db}"));
  project.provide("postgresAppUrlTemplate", server.appUrlFor("{db}"));
  return async () => server.stop();
}

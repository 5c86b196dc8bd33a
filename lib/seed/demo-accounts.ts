import type { Role } from "@/lib/auth/policy";

/**
 * Accounts a fresh installation starts with, so a newsroom can try every role at once.
 * Two reviewers, because the two-person rule needs a second pair of eyes to be tried out.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "editor@derek.local", name: "Әйгерім Сейітова", role: "EDITOR", password: "derek-editor-demo" },
  { email: "reviewer@derek.local", name: "Нұрлан Әбенов", role: "REVIEWER", password: "derek-reviewer-demo" },
  { email: "reviewer2@derek.local", name: "Гүлнар Қасымова", role: "REVIEWER", password: "derek-reviewer2-demo" },
  { email: "admin@derek.local", name: "Дәурен Омаров", role: "ADMIN", password: "derek-admin-demo" },
];

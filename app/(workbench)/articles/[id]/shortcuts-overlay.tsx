"use client";

import { useTranslations } from "next-intl";
import { ShortcutsDialog } from "@/app/_components/shortcuts-dialog";
import type { Shortcut } from "@/app/_components/use-shortcuts";

export function ShortcutsOverlay({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const t = useTranslations("workbench.shortcuts");
  return <ShortcutsDialog title={t("title")} note={t("usKeyboard")} closeLabel={t("close")} shortcuts={shortcuts} onClose={onClose} />;
}

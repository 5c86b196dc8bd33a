"use client";

import { useTranslations } from "next-intl";
import type { Shortcut } from "@/app/_components/use-shortcuts";

export function ShortcutsOverlay({ shortcuts, onClose }: { shortcuts: Shortcut[]; onClose: () => void }) {
  const t = useTranslations("workbench.shortcuts");
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={onClose}>
      <div className="card overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t("title")}</h2>
        <table className="list">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.keys}>
                <td><kbd>{s.keys}</kbd></td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="secondary" onClick={onClose}>{t("close")}</button>
      </div>
    </div>
  );
}

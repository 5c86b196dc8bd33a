"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useWatch, type Control, type Path } from "react-hook-form";
import type { ClaimFieldsInput } from "@/lib/claims/claim-schemas";
import type { SourceOnFile } from "@/lib/sources/find-or-create-source";
import { sourceOnFileAction } from "./source-actions";

// Asked once typing pauses: a pasted address is checked at once, one typed letter by letter once.
const DEBOUNCE_MS = 300;

/**
 * Says, under a new source's address, that the address is already on file (however spelled): on
 * saving, the claim cites the stored source and no second one is added (lib/sources/
 * find-or-create-source.ts decides; this only tells the editor beforehand).
 */
export function SourceOnFileNotice({ control, name }: { control: Control<ClaimFieldsInput>; name: Path<ClaimFieldsInput> }) {
  const t = useTranslations("workbench.sourcePicker");
  const url = useWatch({ control, name });
  const [onFile, setOnFile] = useState<SourceOnFile | null>(null);

  useEffect(() => {
    const address = typeof url === "string" ? url.trim() : "";
    if (!/^https?:\/\/\S/i.test(address)) {
      setOnFile(null);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const result = await sourceOnFileAction({ url: address });
      // An answer for an address the field no longer holds is dropped.
      if (current) setOnFile(result.ok ? result.data : null);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url]);

  return (
    <p className="notice small-print" role="status" hidden={!onFile}>
      {onFile && t("onFile", { title: onFile.title ?? onFile.url })}
    </p>
  );
}

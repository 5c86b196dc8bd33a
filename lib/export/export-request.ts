import { z } from "zod";
import { db } from "@/lib/db/client";
import { LEDGER_FILTER_FIELDS, parseLedgerFilter, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import { fieldMessagesInEnglish, type SearchParams } from "@/lib/core/search-params";
import { EXPORT_CHOICES, type ExportFormatId } from "./export-choices";
import { ExportRequestError } from "./export-errors";
import { findExportFormat } from "./export-formats";

/** What an export asks for, from the API's query string. */
export interface ExportRequest {
  format: ExportFormatId;
  /** Every status, not only verified claims (the default). */
  allStatuses: boolean;
  claims: { kind: "filter"; filter: LedgerFilter } | { kind: "set"; setId: string };
}

const EXPORT_FIELDS = ["format", "statuses", "set"] as const;
const KNOWN = new Set<string>([...EXPORT_FIELDS, ...LEDGER_FILTER_FIELDS]);

const formatList = () => EXPORT_CHOICES.map((choice) => choice.id).join(", ");

/**
 * The export API's query: `format`, optionally `statuses=all`, and either the ledger's filter
 * fields or `set=<saved claim set id>`. A parameter the API does not know is refused rather than
 * ignored: a misspelt filter field would otherwise export every claim.
 */
export function parseExportRequest(query: URLSearchParams): ExportRequest {
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    params[key] = values.length === 1 ? values[0] : values;
  }
  const unknown = Object.keys(params).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    const fieldErrors = Object.fromEntries(unknown.map((key) => [key, `Unknown parameter “${key}”.`]));
    throw new ExportRequestError(400, `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `“${k}”`).join(", ")}. The export takes format, statuses, set and the ledger's filter fields (${LEDGER_FILTER_FIELDS.join(", ")}).`, fieldErrors);
  }
  for (const key of EXPORT_FIELDS) {
    if (Array.isArray(params[key])) throw new ExportRequestError(400, `Give “${key}” once.`, { [key]: `Give “${key}” once.` });
  }

  const format = params.format as string | undefined;
  if (!format) throw new ExportRequestError(400, `Choose a format: ${formatList()}.`, { format: `Choose a format: ${formatList()}.` });
  if (!findExportFormat(format)) {
    const message = `Unknown format “${format}”. Choose one of: ${formatList()}.`;
    throw new ExportRequestError(400, message, { format: message });
  }

  const statuses = params.statuses as string | undefined;
  if (statuses !== undefined && statuses !== "all" && statuses !== "verified") {
    const message = "statuses is “verified” (the default) or “all”.";
    throw new ExportRequestError(400, message, { statuses: message });
  }

  const set = params.set as string | undefined;
  const filterFields = LEDGER_FILTER_FIELDS.filter((field) => params[field] !== undefined);
  let claims: ExportRequest["claims"];
  if (set !== undefined) {
    if (filterFields.length > 0) {
      const message = `Export either a saved set or a filter, not both (this request also gives ${filterFields.join(", ")}).`;
      throw new ExportRequestError(400, message, { set: message });
    }
    if (!z.uuid().safeParse(set).success) throw new ExportRequestError(400, "Unknown claim set.", { set: "Unknown claim set." });
    claims = { kind: "set", setId: set };
  } else {
    const parsed = parseLedgerFilter(params);
    if (!parsed.ok) throw new ExportRequestError(400, "Some filter fields need attention.", fieldMessagesInEnglish(parsed.errors));
    claims = { kind: "filter", filter: parsed.filter };
  }
  return { format: format as ExportFormatId, allStatuses: statuses === "all", claims };
}

/** For an export: a saved claim set's filter and name, or an ExportRequestError (404, 422) saying why it cannot be exported. */
export async function loadClaimSetForExport(setId: string): Promise<{ filter: LedgerFilter; name: string }> {
  const set = await db.claimSet.findUnique({ where: { id: setId }, select: { name: true, filter: true } });
  if (!set) throw new ExportRequestError(404, "This claim set does not exist; it may have been deleted.", { set: "This claim set does not exist." });
  const stored = set.filter;
  const parsed =
    stored && typeof stored === "object" && !Array.isArray(stored) && Object.values(stored).every((value) => typeof value === "string")
      ? parseLedgerFilter(stored as Record<string, string>)
      : null;
  if (!parsed?.ok) {
    // A set saved before a filter field changed its rules: say which field, so it can be fixed.
    const detail = parsed && !parsed.ok ? ` (${Object.entries(fieldMessagesInEnglish(parsed.errors)).map(([field, message]) => `${field}: ${message}`).join("; ")})` : "";
    throw new ExportRequestError(422, `The saved filter of “${set.name}” can no longer be read${detail}. Open it in the ledger and save it again.`, { set: "The saved filter can no longer be read." });
  }
  return { filter: parsed.filter, name: set.name };
}

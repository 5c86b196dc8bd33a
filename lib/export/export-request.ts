import { z } from "zod";
import { db } from "@/lib/db/client";
import { LEDGER_FILTER_FIELDS, parseLedgerFilter, type LedgerFilter } from "@/lib/ledger/ledger-filter";
import type { FieldMessage } from "@/lib/core/errors";
import { fieldMessagesInEnglish, type SearchParams } from "@/lib/core/search-params";
import { EXPORT_CHOICES, type ExportFormatId } from "./export-choices";
import { exportRefusal } from "./export-errors";
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
    const fieldErrors = Object.fromEntries(unknown.map((key) => [key, { code: "libExport.request.unknownParameter" as const, params: { name: key } }]));
    const params = { plural: unknown.length > 1 ? "s" : "", names: unknown.map((k) => `“${k}”`).join(", "), fields: LEDGER_FILTER_FIELDS.join(", ") };
    throw exportRefusal("libExport.request.unknownParameters", { params, fieldErrors });
  }
  for (const key of EXPORT_FIELDS) {
    if (Array.isArray(params[key])) throw exportRefusal("libExport.request.giveOnce", { params: { name: key }, field: key });
  }

  const format = params.format as string | undefined;
  if (!format) throw exportRefusal("libExport.request.chooseFormat", { params: { formats: formatList() }, field: "format" });
  if (!findExportFormat(format)) throw exportRefusal("libExport.request.unknownFormatChoose", { params: { format, formats: formatList() }, field: "format" });

  const statuses = params.statuses as string | undefined;
  if (statuses !== undefined && statuses !== "all" && statuses !== "verified") throw exportRefusal("libExport.request.statuses", { field: "statuses" });

  const set = params.set as string | undefined;
  const filterFields = LEDGER_FILTER_FIELDS.filter((field) => params[field] !== undefined);
  let claims: ExportRequest["claims"];
  if (set !== undefined) {
    if (filterFields.length > 0) throw exportRefusal("libExport.request.setOrFilter", { params: { fields: filterFields.join(", ") }, field: "set" });
    if (!z.uuid().safeParse(set).success) throw exportRefusal("libLedger.claimSets.unknown", { field: "set" });
    claims = { kind: "set", setId: set };
  } else {
    const parsed = parseLedgerFilter(params);
    if (!parsed.ok) throw exportRefusal("libExport.request.filterFields", { fieldErrors: parsed.errors as Record<string, FieldMessage> });
    claims = { kind: "filter", filter: parsed.filter };
  }
  return { format: format as ExportFormatId, allStatuses: statuses === "all", claims };
}

/** For an export: a saved claim set's filter and name, or an ExportRequestError (404, 422) saying why it cannot be exported. */
export async function loadClaimSetForExport(setId: string): Promise<{ filter: LedgerFilter; name: string }> {
  const set = await db.claimSet.findUnique({ where: { id: setId }, select: { name: true, filter: true } });
  if (!set) throw exportRefusal("libExport.request.setGone", { kind: "not-found", fieldErrors: { set: { code: "libExport.request.setGoneField" } } });
  const stored = set.filter;
  const parsed =
    stored && typeof stored === "object" && !Array.isArray(stored) && Object.values(stored).every((value) => typeof value === "string")
      ? parseLedgerFilter(stored as Record<string, string>)
      : null;
  if (!parsed?.ok) {
    // A set saved before a filter field changed its rules: say which field, so it can be fixed.
    const detail = parsed && !parsed.ok ? ` (${Object.entries(fieldMessagesInEnglish(parsed.errors)).map(([field, message]) => `${field}: ${message}`).join("; ")})` : "";
    throw exportRefusal("libExport.request.setUnreadable", { params: { name: set.name, detail }, kind: "unprocessable", fieldErrors: { set: { code: "libExport.request.setUnreadableField" } } });
  }
  return { filter: parsed.filter, name: set.name };
}

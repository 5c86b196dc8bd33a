"use server";

import { z } from "zod";
import { searchSources } from "@/lib/sources/search-sources";
import { sourceSearchSchema } from "@/lib/sources/source-search-schema";
import { sourceOnFile } from "@/lib/sources/source-on-file";
import { runAction } from "../../../_lib/action-result";

/** A page of the claim form's source picker: sources matching the words typed, most cited first. */
export async function searchSourcesAction(input: unknown) {
  return runAction(sourceSearchSchema, input, (actor, search) => searchSources({ actor, search }));
}

// Longer than any address the form accepts is no address on file; the bound keeps the key's work small.
const addressSchema = z.object({ url: z.string().max(4000) });

/** The stored source that a new source with this address would link instead of adding a second. */
export async function sourceOnFileAction(input: unknown) {
  return runAction(addressSchema, input, (actor, { url }) => sourceOnFile({ actor, url }));
}

import { withBounds } from "@/lib/core/zod-issues";
import { z } from "zod";
import { isCalendarDate, parseDateOnly } from "@/lib/core/dates";
import { MAX_PASTE_CHARS } from "./limits";

/** A blank form field means "not given". */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((value) => value || undefined)
    .optional();

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// One schema for the paste form, the upload form, the server action and the route handler.
export const articleDetailsSchema = z.object({
  title: optionalText(300, "libImport.titleTooLong"),
  outlet: optionalText(200, "libImport.outletTooLong"),
  sourceUrl: z
    .string()
    .trim()
    .max(2000, { error: "libImport.addressTooLong" })
    .refine((value) => value === "" || isHttpUrl(value), { error: "libImport.addressInvalid" })
    .transform((value) => value || undefined)
    .optional(),
  publishedAt: z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDate(value), { error: "libImport.dateInvalid" })
    .refine((value) => value === "" || (value >= "1900-01-01" && value <= "2100-12-31"), { error: "libImport.dateRange" })
    .transform((value) => (value ? parseDateOnly(value) : undefined))
    .optional(),
});
export type ArticleDetailsInput = z.input<typeof articleDetailsSchema>;
export type ArticleDetails = z.output<typeof articleDetailsSchema>;

export const pasteImportSchema = articleDetailsSchema.extend({
  text: z
    .string()
    .max(MAX_PASTE_CHARS, { error: withBounds("libImport.pasteTooLong") })
    .refine((value) => value.trim().length > 0, { error: "libImport.pasteText" }),
});
export type PasteImportInput = z.input<typeof pasteImportSchema>;
export type PasteImport = z.output<typeof pasteImportSchema>;

/** On an existing article the title is required: there is no first line to fall back on silently. */
export const updateArticleDetailsSchema = articleDetailsSchema.extend({
  articleId: z.uuid({ error: "libImport.unknownArticle" }),
  /** The article's updatedAt when the form was opened: a later change by someone else is not overwritten. */
  updatedAt: z.iso.datetime({ error: "libImport.reloadPage" }),
  title: z.string().trim().min(1, { error: "libImport.titleRequired" }).max(300, { error: "libImport.titleTooLong" }),
});
export type UpdateArticleDetailsInput = z.input<typeof updateArticleDetailsSchema>;

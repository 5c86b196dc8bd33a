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
  title: optionalText(300, "Keep the title under 300 characters."),
  outlet: optionalText(200, "Keep the outlet under 200 characters."),
  sourceUrl: z
    .string()
    .trim()
    .max(2000, { error: "Keep the address under 2,000 characters." })
    .refine((value) => value === "" || isHttpUrl(value), { error: "Enter a web address starting with http:// or https://." })
    .transform((value) => value || undefined)
    .optional(),
  publishedAt: z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDate(value), { error: "Enter a real date as YYYY-MM-DD." })
    .refine((value) => value === "" || (value >= "1900-01-01" && value <= "2100-12-31"), { error: "Enter a date between 1900 and 2100." })
    .transform((value) => (value ? parseDateOnly(value) : undefined))
    .optional(),
});
export type ArticleDetailsInput = z.input<typeof articleDetailsSchema>;
export type ArticleDetails = z.output<typeof articleDetailsSchema>;

export const pasteImportSchema = articleDetailsSchema.extend({
  text: z
    .string()
    .max(MAX_PASTE_CHARS, { error: `Paste at most ${MAX_PASTE_CHARS.toLocaleString("en")} characters; upload a longer text as a file.` })
    .refine((value) => value.trim().length > 0, { error: "Paste the article's text." }),
});
export type PasteImportInput = z.input<typeof pasteImportSchema>;
export type PasteImport = z.output<typeof pasteImportSchema>;

/** On an existing article the title is required: there is no first line to fall back on silently. */
export const updateArticleDetailsSchema = articleDetailsSchema.extend({
  articleId: z.uuid({ error: "Unknown article." }),
  /** The article's updatedAt when the form was opened: a later change by someone else is not overwritten. */
  updatedAt: z.iso.datetime({ error: "Reload the page and try again." }),
  title: z.string().trim().min(1, { error: "Enter a title." }).max(300, { error: "Keep the title under 300 characters." }),
});
export type UpdateArticleDetailsInput = z.input<typeof updateArticleDetailsSchema>;

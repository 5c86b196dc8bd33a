import { ImportError } from "./import-error";

export type ImportFormat = "text" | "markdown" | "html" | "docx";

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  docx: "docx",
};

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`);

/** A .docx is a ZIP archive, whose first bytes are always "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * The format is decided by the file name's extension, then the bytes are checked against it:
 * browsers report MIME types inconsistently (a .md is often "" or "application/octet-stream"),
 * so the type the browser sends is not trusted either way.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const format = BY_EXTENSION[extension];
  if (!format) {
    const accepted = ACCEPTED_EXTENSIONS.join(", ");
    throw extension
      ? new ImportError("unsupported_type", "libImport.unsupportedType", { params: { extension, accepted } })
      : new ImportError("unsupported_type", "libImport.noExtension", { params: { accepted } });
  }
  if (format === "docx" && !ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new ImportError("unreadable_docx", "libImport.notDocx");
  }
  return format;
}

import mammoth from "mammoth";
import { ImportError } from "./import-error";

/**
 * A Word document to HTML with mammoth, which maps Word's paragraph styles (Heading 1, List
 * Paragraph, …) to semantic tags and ignores direct formatting such as fonts and colours.
 * Images are dropped at once rather than inlined as data URLs that the sanitiser would remove.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return result.value;
  } catch {
    throw new ImportError("unreadable_docx", "libImport.unreadableDocx");
  }
}

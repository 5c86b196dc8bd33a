import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";

/**
 * Keeps the article's words as they are while leaving the editor focusable, so an annotator can
 * place a caret and select with Shift+arrows as well as with the mouse. Typing, pasting and
 * dropping are swallowed; any other change to the document is filtered out as a last guard.
 */
export const ReadOnlyText = Extension.create({
  name: "derekReadOnlyText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleKeyDown: (_view, event) => {
            const editingKey = ["Backspace", "Delete", "Enter", "Tab"].includes(event.key);
            const typedCharacter = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
            const cutOrUndo = (event.ctrlKey || event.metaKey) && ["x", "z", "y", "v"].includes(event.key.toLowerCase());
            if (editingKey && event.key === "Tab") return false;
            if (editingKey || typedCharacter || cutOrUndo) {
              event.preventDefault();
              return true;
            }
            return false;
          },
        },
      }),
    ];
  },
});

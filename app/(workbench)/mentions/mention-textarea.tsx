"use client";

import { useRef } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, fieldErrorId } from "@/app/_components/form-field";
import { followingHandlers, MentionChoices, MentionHint, type MentionTypeahead } from "./mention-typeahead";

/**
 * A comment's text box, where "@" offers colleagues' names: the review page's comment form and the
 * workbench's reply share it. The form keeps the type-ahead, so it can close it after sending.
 */
export function MentionTextarea({
  id,
  label,
  error,
  field,
  mentions,
  onText,
}: {
  id: string;
  label: string;
  error?: string;
  field: UseFormRegisterReturn;
  mentions: MentionTypeahead;
  /** The text with a chosen name written in, for the form's own value. */
  onText: (text: string) => void;
}) {
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { ref: registerRef, onChange, ...rest } = field;
  const hintId = `${id}-hint`;
  return (
    <>
      <FormField id={id} label={label} error={error}>
        <textarea
          id={id}
          rows={3}
          aria-invalid={!!error}
          aria-describedby={error ? `${fieldErrorId(id)} ${hintId}` : hintId}
          {...rest}
          {...followingHandlers(mentions)}
          ref={(element) => {
            registerRef(element);
            textarea.current = element;
          }}
          onChange={(event) => {
            void onChange(event);
            mentions.follow(event.currentTarget);
          }}
        />
      </FormField>
      <MentionHint id={hintId} />
      <MentionChoices typeahead={mentions} onChoose={(person) => textarea.current && mentions.choose(textarea.current, person, onText)} />
    </>
  );
}

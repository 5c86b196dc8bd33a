"use client";

import { useLocale } from "next-intl";
import { forwardRef, useCallback, useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date field that also writes the chosen day in the reader's words ("5 наурыз 2020"): the
 * browser draws `type="date"` in its own language and order (03/05/2020 in an English browser),
 * whatever language Derek is read in. Works uncontrolled (defaultValue, a GET form) and with
 * react-hook-form's register, which sets the value through the ref.
 */
export const DateInput = forwardRef<HTMLInputElement, Omit<InputHTMLAttributes<HTMLInputElement>, "type">>(function DateInput({ onChange, ...props }, forwardedRef) {
  const locale = useLocale() as Locale;
  const [day, setDay] = useState(typeof props.defaultValue === "string" ? props.defaultValue : "");
  const ref = useCallback(
    (input: HTMLInputElement | null) => {
      // A value set by react-hook-form before the first change.
      if (input) setDay(input.value);
      if (typeof forwardedRef === "function") forwardedRef(input);
      else if (forwardedRef) forwardedRef.current = input;
    },
    [forwardedRef],
  );
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    setDay(event.target.value);
    onChange?.(event);
  };
  return (
    <>
      <input {...props} ref={ref} type="date" onChange={change} />
      {ISO_DAY.test(day) && (
        <span className="muted small-print" data-testid={props.id ? `${props.id}-words` : undefined}>
          {formatDay(day, locale)}
        </span>
      )}
    </>
  );
});

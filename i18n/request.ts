import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/app/_lib/locale";
import { loadMessages } from "@/lib/i18n/catalog";
import { NEWSROOM_TIME_ZONE } from "@/lib/i18n/format";
import { installKazakhNumbers } from "@/lib/i18n/kazakh-numbers";

// The server writes Kazakh numbers in messages by Derek's rules, as the browser does (app/_components/kazakh-numbers.tsx).
installKazakhNumbers();

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadMessages(locale), timeZone: NEWSROOM_TIME_ZONE };
});

import { getRequestConfig } from "next-intl/server";
import { requestLocale } from "@/app/_lib/locale";
import { loadMessages } from "@/lib/i18n/catalog";
import { NEWSROOM_TIME_ZONE } from "@/lib/i18n/format";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadMessages(locale), timeZone: NEWSROOM_TIME_ZONE };
});

/**
 * The units Derek knows, by the code stored in Claim.unit and Suggestion.unit, with the words each
 * language writes after a number. The codes are the claim suggester's own unit names
 * (lib/extract/units.ts): English names and ISO currency codes for measures, money and time, and
 * the Kazakh lemma for counted nouns ("қала", "белсенді"), which the suggester's evaluation data
 * already uses. A unit that is not here is free text typed by an editor and is shown as typed.
 *
 * Kazakh keeps the noun singular after a number ("25 адам"), so one word serves every count.
 * Russian needs three forms (1 человек, 2 человека, 5 человек); English two (1 person, 25 people).
 */
import type { Locale } from "./locales";

export type UnitGroup = "share" | "people" | "time" | "money" | "measure" | "counted";

export interface UnitWords {
  group: UnitGroup;
  kk: string;
  /** one (1, 21), few (2–4, 22–24, and any fraction), many (5–20, 25…). */
  ru: readonly [one: string, few: string, many: string];
  /** one (exactly 1), other. */
  en: readonly [one: string, other: string];
}

const same = (word: string) => [word, word, word] as const;
const en = (one: string, other = `${one}s`) => [one, other] as const;
const unit = (group: UnitGroup, kk: string, ru: UnitWords["ru"], english: UnitWords["en"]): UnitWords => ({ group, kk, ru, en: english });

export const UNIT_WORDS: Readonly<Record<string, UnitWords>> = {
  percent: unit("share", "пайыз", ["процент", "процента", "процентов"], en("percent", "percent")),
  fraction: unit("share", "бөлшек", ["доля", "доли", "долей"], en("fraction")),
  times: unit("share", "рет", ["раз", "раза", "раз"], en("time")),
  fold: unit("share", "есе", ["раз", "раза", "раз"], en("fold", "fold")),

  person: unit("people", "адам", ["человек", "человека", "человек"], en("person", "people")),
  seat: unit("people", "орын", ["место", "места", "мест"], en("seat")),
  белсенді: unit("people", "белсенді", ["активист", "активиста", "активистов"], en("activist")),
  жұмысшы: unit("people", "жұмысшы", ["рабочий", "рабочих", "рабочих"], en("worker")),
  тұрғын: unit("people", "тұрғын", ["житель", "жителя", "жителей"], en("resident")),
  азамат: unit("people", "азамат", ["гражданин", "гражданина", "граждан"], en("citizen")),
  бала: unit("people", "бала", ["ребёнок", "ребёнка", "детей"], en("child", "children")),
  отбасы: unit("people", "отбасы", ["семья", "семьи", "семей"], en("family", "families")),
  науқас: unit("people", "науқас", ["пациент", "пациента", "пациентов"], en("patient")),
  сайлаушы: unit("people", "сайлаушы", ["избиратель", "избирателя", "избирателей"], en("voter")),
  депутат: unit("people", "депутат", ["депутат", "депутата", "депутатов"], en("deputy", "deputies")),
  студент: unit("people", "студент", ["студент", "студента", "студентов"], en("student")),
  оқушы: unit("people", "оқушы", ["школьник", "школьника", "школьников"], en("pupil")),
  мұғалім: unit("people", "мұғалім", ["учитель", "учителя", "учителей"], en("teacher")),
  дәрігер: unit("people", "дәрігер", ["врач", "врача", "врачей"], en("doctor")),
  қызметкер: unit("people", "қызметкер", ["сотрудник", "сотрудника", "сотрудников"], en("employee")),
  маман: unit("people", "маман", ["специалист", "специалиста", "специалистов"], en("specialist")),
  полицей: unit("people", "полицей", ["полицейский", "полицейских", "полицейских"], en("police officer")),
  журналист: unit("people", "журналист", ["журналист", "журналиста", "журналистов"], en("journalist")),
  жүргізуші: unit("people", "жүргізуші", ["водитель", "водителя", "водителей"], en("driver")),
  жолаушы: unit("people", "жолаушы", ["пассажир", "пассажира", "пассажиров"], en("passenger")),
  турист: unit("people", "турист", ["турист", "туриста", "туристов"], en("tourist")),
  кандидат: unit("people", "кандидат", ["кандидат", "кандидата", "кандидатов"], en("candidate")),
  әйел: unit("people", "әйел", ["женщина", "женщины", "женщин"], en("woman", "women")),
  ер: unit("people", "ер", ["мужчина", "мужчины", "мужчин"], en("man", "men")),
  қыз: unit("people", "қыз", ["девушка", "девушки", "девушек"], en("girl")),
  ұл: unit("people", "ұл", ["мальчик", "мальчика", "мальчиков"], en("boy")),
  шенеунік: unit("people", "шенеунік", ["чиновник", "чиновника", "чиновников"], en("official")),
  жасөспірім: unit("people", "жасөспірім", ["подросток", "подростка", "подростков"], en("teenager")),
  зейнеткер: unit("people", "зейнеткер", ["пенсионер", "пенсионера", "пенсионеров"], en("pensioner")),
  сарбаз: unit("people", "сарбаз", ["солдат", "солдата", "солдат"], en("soldier")),
  әскери: unit("people", "әскери", ["военный", "военных", "военных"], en("serviceman", "servicemen")),
  қатысушы: unit("people", "қатысушы", ["участник", "участника", "участников"], en("participant")),
  бақылаушы: unit("people", "бақылаушы", ["наблюдатель", "наблюдателя", "наблюдателей"], en("observer")),
  наразы: unit("people", "наразы", ["протестующий", "протестующих", "протестующих"], en("protester")),
  тілші: unit("people", "тілші", ["корреспондент", "корреспондента", "корреспондентов"], en("correspondent")),
  мүше: unit("people", "мүше", ["член", "члена", "членов"], en("member")),
  мұнайшы: unit("people", "мұнайшы", ["нефтяник", "нефтяника", "нефтяников"], en("oil worker")),
  фермер: unit("people", "фермер", ["фермер", "фермера", "фермеров"], en("farmer")),
  кәсіпкер: unit("people", "кәсіпкер", ["предприниматель", "предпринимателя", "предпринимателей"], en("entrepreneur")),
  ерікті: unit("people", "ерікті", ["волонтёр", "волонтёра", "волонтёров"], en("volunteer")),
  өкіл: unit("people", "өкіл", ["представитель", "представителя", "представителей"], en("representative")),
  судья: unit("people", "судья", ["судья", "судьи", "судей"], en("judge")),
  адвокат: unit("people", "адвокат", ["адвокат", "адвоката", "адвокатов"], en("lawyer")),
  тұтқын: unit("people", "тұтқын", ["заключённый", "заключённых", "заключённых"], en("prisoner")),
  шетелдік: unit("people", "шетелдік", ["иностранец", "иностранца", "иностранцев"], en("foreigner")),
  жұмыссыз: unit("people", "жұмыссыз", ["безработный", "безработных", "безработных"], en("unemployed person", "unemployed people")),

  year: unit("time", "жыл", ["год", "года", "лет"], en("year")),
  month: unit("time", "ай", ["месяц", "месяца", "месяцев"], en("month")),
  week: unit("time", "апта", ["неделя", "недели", "недель"], en("week")),
  day: unit("time", "күн", ["день", "дня", "дней"], en("day")),
  hour: unit("time", "сағат", ["час", "часа", "часов"], en("hour")),
  minute: unit("time", "минут", ["минута", "минуты", "минут"], en("minute")),
  second: unit("time", "секунд", ["секунда", "секунды", "секунд"], en("second")),
  century: unit("time", "ғасыр", ["век", "века", "веков"], en("century", "centuries")),

  KZT: unit("money", "теңге", same("тенге"), en("tenge", "tenge")),
  USD: unit("money", "доллар", ["доллар", "доллара", "долларов"], en("dollar")),
  EUR: unit("money", "еуро", same("евро"), en("euro")),
  RUB: unit("money", "рубль", ["рубль", "рубля", "рублей"], en("rouble")),
  CNY: unit("money", "юань", ["юань", "юаня", "юаней"], en("yuan", "yuan")),
  MCI: unit("money", "АЕК", same("МРП"), en("MCI", "MCI")),

  km: unit("measure", "км", same("км"), en("km", "km")),
  m: unit("measure", "м", same("м"), en("m", "m")),
  cm: unit("measure", "см", same("см"), en("cm", "cm")),
  mm: unit("measure", "мм", same("мм"), en("mm", "mm")),
  ha: unit("measure", "га", same("га"), en("ha", "ha")),
  t: unit("measure", "т", same("т"), en("t", "t")),
  kg: unit("measure", "кг", same("кг"), en("kg", "kg")),
  l: unit("measure", "л", same("л"), en("l", "l")),
  degree: unit("measure", "градус", ["градус", "градуса", "градусов"], en("degree")),

  партия: unit("counted", "партия", ["партия", "партии", "партий"], en("party", "parties")),
  мектеп: unit("counted", "мектеп", ["школа", "школы", "школ"], en("school")),
  үй: unit("counted", "үй", ["дом", "дома", "домов"], en("house")),
  пәтер: unit("counted", "пәтер", ["квартира", "квартиры", "квартир"], en("flat")),
  көлік: unit("counted", "көлік", ["машина", "машины", "машин"], en("vehicle")),
  автобус: unit("counted", "автобус", ["автобус", "автобуса", "автобусов"], en("bus", "buses")),
  ұшақ: unit("counted", "ұшақ", ["самолёт", "самолёта", "самолётов"], en("aircraft", "aircraft")),
  жоба: unit("counted", "жоба", ["проект", "проекта", "проектов"], en("project")),
  зауыт: unit("counted", "зауыт", ["завод", "завода", "заводов"], en("plant")),
  ел: unit("counted", "ел", ["страна", "страны", "стран"], en("country", "countries")),
  мемлекет: unit("counted", "мемлекет", ["государство", "государства", "государств"], en("state")),
  облыс: unit("counted", "облыс", ["область", "области", "областей"], en("region")),
  аудан: unit("counted", "аудан", ["район", "района", "районов"], en("district")),
  қала: unit("counted", "қала", ["город", "города", "городов"], en("city", "cities")),
  ауыл: unit("counted", "ауыл", ["село", "села", "сёл"], en("village")),
  бюллетень: unit("counted", "бюллетень", ["бюллетень", "бюллетеня", "бюллетеней"], en("ballot")),
  учаске: unit("counted", "учаске", ["участок", "участка", "участков"], en("polling station")),
  дауыс: unit("counted", "дауыс", ["голос", "голоса", "голосов"], en("vote")),
  дана: unit("counted", "дана", ["штука", "штуки", "штук"], en("piece")),
  сот: unit("counted", "сот", ["суд", "суда", "судов"], en("court")),
  іс: unit("counted", "іс", ["дело", "дела", "дел"], en("case")),
  қылмыс: unit("counted", "қылмыс", ["преступление", "преступления", "преступлений"], en("crime")),
  мал: unit("counted", "мал", ["голова скота", "головы скота", "голов скота"], en("head of livestock", "head of livestock")),
  сиыр: unit("counted", "сиыр", ["корова", "коровы", "коров"], en("cow")),
  қой: unit("counted", "қой", ["овца", "овцы", "овец"], en("sheep", "sheep")),
  жылқы: unit("counted", "жылқы", ["лошадь", "лошади", "лошадей"], en("horse")),
  ағаш: unit("counted", "ағаш", ["дерево", "дерева", "деревьев"], en("tree")),
  кітап: unit("counted", "кітап", ["книга", "книги", "книг"], en("book")),
  нысан: unit("counted", "нысан", ["объект", "объекта", "объектов"], en("facility", "facilities")),
  кәсіпорын: unit("counted", "кәсіпорын", ["предприятие", "предприятия", "предприятий"], en("enterprise")),
  компания: unit("counted", "компания", ["компания", "компании", "компаний"], en("company", "companies")),
  ұйым: unit("counted", "ұйым", ["организация", "организации", "организаций"], en("organisation")),
  аурухана: unit("counted", "аурухана", ["больница", "больницы", "больниц"], en("hospital")),
  емхана: unit("counted", "емхана", ["поликлиника", "поликлиники", "поликлиник"], en("clinic")),
  вагон: unit("counted", "вагон", ["вагон", "вагона", "вагонов"], en("wagon")),
  пойыз: unit("counted", "пойыз", ["поезд", "поезда", "поездов"], en("train")),
  тауар: unit("counted", "тауар", ["товар", "товара", "товаров"], en("item of goods", "items of goods")),
  өнім: unit("counted", "өнім", ["продукт", "продукта", "продуктов"], en("product")),
  фильм: unit("counted", "фильм", ["фильм", "фильма", "фильмов"], en("film")),
  сайт: unit("counted", "сайт", ["сайт", "сайта", "сайтов"], en("website")),
  бетперде: unit("counted", "бетперде", ["маска", "маски", "масок"], en("mask")),
  шара: unit("counted", "шара", ["мероприятие", "мероприятия", "мероприятий"], en("event")),
  жер: unit("counted", "жер", ["земельный участок", "земельных участка", "земельных участков"], en("plot of land", "plots of land")),
  бөлім: unit("counted", "бөлім", ["отдел", "отдела", "отделов"], en("department")),
  сынып: unit("counted", "сынып", ["класс", "класса", "классов"], en("class", "classes")),
  команда: unit("counted", "команда", ["команда", "команды", "команд"], en("team")),
  медаль: unit("counted", "медаль", ["медаль", "медали", "медалей"], en("medal")),
  ұпай: unit("counted", "ұпай", ["очко", "очка", "очков"], en("point")),
};

export function isUnitCode(unit: string): boolean {
  return Object.hasOwn(UNIT_WORDS, unit);
}

/**
 * Russian's form for a count: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25 → many. A fraction
 * takes the genitive singular ("70,96 процента"), which is the few form.
 */
function russianForm(count: number): 0 | 1 | 2 {
  if (!Number.isInteger(count)) return 1;
  const n = Math.abs(count);
  if (n % 10 === 1 && n % 100 !== 11) return 0;
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 1;
  return 2;
}

/**
 * The unit as a reader of `locale` writes it after `count`: "адам", "человека", "people". A code
 * Derek does not know (a unit typed by hand) is returned as it is.
 */
export function unitWord(unit: string, count: number, locale: Locale): string {
  const words = isUnitCode(unit) ? UNIT_WORDS[unit] : undefined;
  if (!words) return unit;
  if (locale === "kk") return words.kk;
  if (locale === "ru") return words.ru[russianForm(count)];
  return words.en[Math.abs(count) === 1 ? 0 : 1];
}

/** The unit as it is named in a list of units (the claim form's choice): "адам", "человек", "people". */
export function unitName(unit: string, locale: Locale): string {
  // A list names a unit in Russian by its nominative singular ("процент", "год"), in English by its
  // plural ("people", "years").
  const words = UNIT_WORDS[unit];
  if (!words) return unit;
  return locale === "kk" ? words.kk : locale === "ru" ? words.ru[0] : words.en[1];
}

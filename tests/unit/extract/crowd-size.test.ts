import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/extract";

const find = (candidates: ReturnType<typeof extractClaims>, quote: string) => candidates.find((c) => c.text === quote);

describe("crowd sizes", () => {
  it.each([
    ["Сот ғимараты сыртына 20-дан астам белсенді жиналды.", "20-дан астам белсенді"],
    ["25 шақты адам қатысқан жиында жұмыс талқыланды.", "25 шақты адам"],
    ["Кеніштің 200-ге жуық жұмысшысы ереуілге шықты.", "200-ге жуық жұмысшысы"],
    ["Алаңдағы митингке мыңға жуық адам келді.", "мыңға жуық адам"],
    ["Шеруге 300-ден астам наразы шықты.", "300-ден астам наразы"],
  ])("%s → CROWD_SIZE", (text, quote) => {
    expect(find(extractClaims(text), quote)?.category).toBe("CROWD_SIZE");
  });

  it("keeps detentions and deaths at a rally in their own categories, and counts outside a gathering", () => {
    expect(find(extractClaims("Митингілер кезінде төрт мыңға жуық адам ұсталды."), "төрт мыңға жуық адам")?.category).toBe("DETENTION_COUNT");
    expect(find(extractClaims("Наразылық кезінде 16 адам қаза тапты."), "16 адам")?.category).toBe("CASUALTIES");
    expect(find(extractClaims("Ауылда 300 адам тұрады."), "300 адам")?.category).toBe("OTHER");
    // A rally's money is money.
    expect(find(extractClaims("Митингке 5000 теңге бөлінді."), "5000 теңге")?.category).toBe("MONEY");
  });
});

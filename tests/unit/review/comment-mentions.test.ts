import { describe, expect, it } from "vitest";
import { findMentions, matchingPeople, mentionBeingTyped } from "@/lib/review/comment-mentions";

const PEOPLE = [
  { id: "aigerim", name: "Әйгерім Сәрсенова" },
  { id: "aliya", name: "Әлия" },
  { id: "aliya-n", name: "Әлия Нұрлан" },
  { id: "daulet", name: "Дәулет" },
  { id: "daulet-2", name: "Дәулет" },
];

describe("findMentions", () => {
  it("finds a full name with a space and Kazakh letters, in any case, and ignores punctuation after it", () => {
    expect(findMentions("@Әйгерім Сәрсенова, дереккөзді қосыңыз", PEOPLE)).toEqual(["aigerim"]);
    expect(findMentions("қараңыз @ӘЙГЕРІМ  сәрсенова!", PEOPLE)).toEqual(["aigerim"]);
  });

  it("takes the longest name that fits, and only at a word's end", () => {
    expect(findMentions("@Әлия Нұрлан білсін", PEOPLE)).toEqual(["aliya-n"]);
    expect(findMentions("@Әлия білсін", PEOPLE)).toEqual(["aliya"]);
    expect(findMentions("@Әлияхан білсін", PEOPLE)).toEqual([]);
  });

  it("names no one from an @ inside a word, or a first name alone", () => {
    expect(findMentions("хат: aigerim@Әйгерім Сәрсенова", PEOPLE)).toEqual([]);
    expect(findMentions("@Әйгерім, қараңыз", PEOPLE)).toEqual([]);
  });

  it("names everyone who shares a name, and each person once", () => {
    expect(findMentions("@Дәулет және тағы @Дәулет", PEOPLE).sort()).toEqual(["daulet", "daulet-2"]);
  });
});

describe("the type-ahead", () => {
  it("sees the @ being typed before the caret, with up to three words", () => {
    expect(mentionBeingTyped("Сәлем @Әйг", 10)).toEqual({ start: 6, query: "Әйг" });
    expect(mentionBeingTyped("Сәлем @Әйгерім Сә", 17)).toEqual({ start: 6, query: "Әйгерім Сә" });
    expect(mentionBeingTyped("хат a@b", 7)).toBeNull();
    expect(mentionBeingTyped("Сәлем", 5)).toBeNull();
  });

  it("offers people whose name or one of its words starts with what was typed", () => {
    expect(matchingPeople(PEOPLE, "сәр").map((p) => p.id)).toEqual(["aigerim"]);
    expect(matchingPeople(PEOPLE, "әлия н").map((p) => p.id)).toEqual(["aliya-n"]);
    expect(matchingPeople(PEOPLE, "").length).toBe(5);
  });
});

import { describe, expect, it } from "vitest";
import { createCsvRecordCounter, createLineCounter, createPrefixedLineCounter, createRecordCounter } from "@/lib/export/record-counter";

/** Feeds `text` split at every position in turn and returns each count: a chunk boundary never matters. */
function countsAtEverySplit(make: () => { push(chunk: string): void; readonly lines: number }, text: string): number[] {
  const counts = new Set<number>();
  for (let i = 0; i <= text.length; i++) {
    const counter = make();
    counter.push(text.slice(0, i));
    counter.push(text.slice(i));
    counts.add(counter.lines);
  }
  return [...counts];
}

describe("CSV record counter", () => {
  const cases: [string, string, number][] = [
    ["plain records", "a,b\r\nc,d\r\n", 2],
    ["a line break inside quotes is not a record", 'id,quote\r\n1,"бірінші жол\nекінші жол"\r\n', 2],
    ["a doubled quote inside a quoted field", '1,"ол ""63,3"" деді\nжәне"\r\n2,x\r\n', 2],
    ["an empty quoted field", '1,"",x\r\n', 1],
    ["a record not yet ended", 'a\r\n"жартылай\n', 1],
    ["carriage returns alone end nothing", "a\rb\r", 0],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(countsAtEverySplit(createCsvRecordCounter, text)).toEqual([expected]);
  });
});

describe("line counter", () => {
  it("counts line breaks wherever chunks split", () => {
    expect(countsAtEverySplit(createLineCounter, '{"a":1}\n,{"b":"x\\ny"}\n]}')).toEqual([2]);
  });
});

describe("prefixed line counter", () => {
  it("counts only the lines that begin with the prefix, wherever chunks split", () => {
    const text = [
      '{"type":"header","version":1}',
      '{"type":"article","id":"a","title":"{\\"type\\":\\"claim\\""}',
      '{"type":"claim","id":"c1","quote":"бір"}',
      '{"type":"review","claimId":"c1"}',
      '{"type":"claim","id":"c2","note":"{\\"type\\":\\"claim\\"}"}',
      '{"type":"claimset"}',
      '{"type":"end"}',
      "",
    ].join("\n");
    expect(countsAtEverySplit(() => createPrefixedLineCounter('{"type":"claim"'), text)).toEqual([2]);
  });
});

describe("record counter for a format", () => {
  it("does not count a CSV header as a claim", () => {
    const counter = createRecordCounter({ quotedFields: true, headerLines: 1 });
    counter.push("\uFEFFid,quote\r\n");
    expect(counter.records).toBe(0);
    counter.push('1,"a\nb"\r\n2,c\r\n');
    expect(counter.records).toBe(2);
  });
});

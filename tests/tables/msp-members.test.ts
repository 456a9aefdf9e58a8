import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseMspMembers} from "../../lib/sources/policy-sources.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mspMembersTable} from "../../lib/tables/msp-members.ts";

const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const rows = buildTable(mspMembersTable, read);

describe("mspMembersTable", () => {
  it("buildTable(mspMembersTable, read) gives the 11 founding partners of 2022-06-14", () => {
    const founding = rows.filter((r) => r.is_founding);
    expect(founding.map((r) => r.party_code).sort()).toEqual(["AUS", "CAN", "DEU", "EU", "FIN", "FRA", "GBR", "JPN", "KOR", "SWE", "USA"]);
    expect(founding.every((r) => r.joined === "2022-06-14" && r.joined_precision === "day" && r.joined_earliest === "2022-06-14" && r.joined_latest === "2022-06-14")).toBe(true);
  });

  it("buildTable(mspMembersTable, read) adds Norway, Italy, India, Estonia and Argentina with the precision the source gives", () => {
    expect(rows).toHaveLength(16);
    const later = rows.filter((r) => !r.is_founding).map((r) => [r.party_code, r.joined, r.joined_precision, r.joined_earliest, r.joined_latest]);
    expect(later).toEqual([
      ["NOR", "2022-06/2023-06", "range", "2022-06-01", "2023-06-30"],
      ["ITA", "2022-06/2023-06", "range", "2022-06-01", "2023-06-30"],
      ["IND", "2023-06", "month", "2023-06-01", "2023-06-30"],
      ["EST", "2024-03", "month", "2024-03-01", "2024-03-31"],
      ["ARG", "2024-08", "month", "2024-08-01", "2024-08-31"]
    ]);
  });

  it("buildTable(mspMembersTable, read) keeps a source URL for every partner", () => {
    expect(rows.every((r) => /^https?:\/\//.test(r.source_url) && r.sources.includes(r.source_url))).toBe(true);
    expect(rows.find((r) => r.party_code === "EST")!.source_url).toBe("https://en.wiki.x.io/wiki/Minerals_Security_Partnership");
    expect(buildTable(mspMembersTable, read)).toEqual(rows);
  });
});

describe("parseMspMembers on bad fixtures", () => {
  const header = "partner,code,joined,joined_precision,status,source_url";
  const parse = (lines: string[], head = header) => () => parseMspMembers([head, ...lines].join("\n"), "bad-msp.csv");
  const good = "Norway,NOR,2023-06,month,joined later,https://example.org/msp";

  it("parseMspMembers(text) accepts the good fixture", () => {
    expect(parse([good])()[0]!.row).toMatchObject({party_code: "NOR", joined_latest: "2023-06-30"});
  });

  it("parseMspMembers(text) throws on a missing column, naming file, line and column", () => {
    expect(parse(["Norway,NOR,2023-06,joined later,https://example.org/msp"], "partner,code,joined,status,source_url")).toThrow('bad-msp.csv:1: column "joined_precision", value null: required column is missing');
  });

  it("parseMspMembers(text) throws on an unparseable date, naming file, line, column and value", () => {
    expect(parse(["Norway,NOR,2023-13,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-13": not a month, YYYY-MM as joined_precision says');
  });

  it("parseMspMembers(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse(["Norway,NOX,2023-06,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "code", value "NOX": unknown country code');
  });

  it("parseMspMembers(text) throws on a duplicate key, naming file, line, column and value", () => {
    expect(parse([good, good])).toThrow('bad-msp.csv:3: column "code", value "NOR": duplicate key: partner already on line 2');
  });

  it("parseMspMembers(text) throws on a date out of its stated precision and a founding date out of range", () => {
    expect(parse(["Norway,NOR,2023-06-01,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06-01"');
    expect(parse(["Norway,NOR,2023-06/2022-06,range,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06/2022-06": the range ends before it starts');
    expect(parse(["Norway,NOR,2023-06-14,day,founding partner,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06-14": a founding partner joined at the launch, 2022-06-14');
  });
});

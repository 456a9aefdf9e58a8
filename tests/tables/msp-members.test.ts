import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parseMspMembers} from "../../lib/sources/policy-sources.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mspMembersTable} from "../../lib/tables/msp-members.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(mspMembersTable, read);

describe("mspMembersTable", () => {
  it("buildTable(mspMembersTable, read) gives the fourteen countries and the EU the State Department lists, and no other", () => {
    expect(rows.map((r) => r.party_code).sort()).toEqual(["AUS", "CAN", "DEU", "EST", "EU", "FIN", "FRA", "GBR", "IND", "ITA", "JPN", "KOR", "NOR", "SWE", "USA"]);
  });

  it("dates a partner only where an official source does: 2022 for the seven the IEA record names, June 2023 for India, blank otherwise", () => {
    const dated = rows.filter((r) => r.joined !== null).map((r) => [r.party_code, r.joined, r.joined_precision, r.joined_earliest, r.joined_latest, r.is_founding]);
    expect(dated).toEqual([
      ["AUS", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["CAN", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["EU", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["GBR", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["JPN", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["KOR", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["USA", "2022", "year", "2022-01-01", "2022-12-31", true],
      ["IND", "2023-06", "month", "2023-06-01", "2023-06-30", false]
    ]);
    const blank = rows.filter((r) => r.joined === null);
    expect(blank.map((r) => r.party_code)).toEqual(["DEU", "EST", "FIN", "FRA", "ITA", "NOR", "SWE"]);
    expect(blank.every((r) => r.joined_precision === null && r.joined_earliest === null && r.is_founding === null)).toBe(true);
  });

  it("cites only official sources: the State Department, the IEA and the White House", () => {
    const hosts = new Set(rows.flatMap((r) => (r.sources.match(/https?:\/\/[^\s;,)"]+/g) ?? []).map((u) => new URL(u).hostname)));
    expect([...hosts].sort()).toEqual(["2021-2025.state.gov", "bidenwhitehouse.archives.gov", "www.iea.org"]);
    expect(rows.every((r) => r.sources.includes(r.source_url))).toBe(true);
    expect(buildTable(mspMembersTable, read)).toEqual(rows);
  });
});

describe("parseMspMembers on bad fixtures", () => {
  const header = "partner,code,joined,joined_precision,status,source_url";
  const parse = (lines: string[], head = header) => () => parseMspMembers([head, ...lines].join("\n") + "\n", "bad-msp.csv");
  const good = "Norway,NOR,2023-06,month,joined later,https://example.org/msp";

  it("parseMspMembers(text) accepts the good fixture", () => {
    expect(parse([good])()[0]!.row).toMatchObject({party_code: "NOR", joined_latest: "2023-06-30"});
  });

  it("parseMspMembers(text) throws on a missing column, naming file, line and column", () => {
    expect(parse(["Norway,NOR,2023-06,joined later,https://example.org/msp"], "partner,code,joined,status,source_url")).toThrow('bad-msp.csv:1: column "joined_precision", value null: required column is missing');
  });

  it("parseMspMembers(text) throws on an unparseable date, naming file, line, column and value", () => {
    expect(parse(["Norway,NOR,2023-13,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-13": not a month, YYYY-MM, as joined_precision says');
  });

  it("parseMspMembers(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse(["Norway,NOX,2023-06,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "code", value "NOX": unknown country code');
  });

  it("parseMspMembers(text) throws on a duplicate key, naming file, line, column and value", () => {
    expect(parse([good, good])).toThrow('bad-msp.csv:3: column "code", value "NOR": duplicate key: partner already on line 2');
  });

  it("parseMspMembers(text) throws on a date out of its stated precision, a founding date out of range, a half-given date and a mirror site", () => {
    expect(parse(["Norway,NOR,2023-06-01,month,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06-01"');
    expect(parse(["Norway,NOR,2023-06/2022-06,range,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06/2022-06": not a range of months');
    expect(parse(["Norway,NOR,2023-06-14,day,founding partner,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined", value "2023-06-14": a founding partner joined at the launch, in 2022');
    expect(parse(["Norway,NOR,2023,,joined later,https://example.org/msp"])).toThrow('bad-msp.csv:2: column "joined_precision", value null: joined and joined_precision are both given or both blank');
    expect(parse(["Norway,NOR,,,,https://en.wiki.x.io/wiki/Minerals_Security_Partnership"])).toThrow('bad-msp.csv:2: column "source_url", value "https://en.wiki.x.io/wiki/Minerals_Security_Partnership": not an official source');
    expect(parse(["Norway,NOR,,,,https://example.org/msp"])()[0]!.row).toMatchObject({joined: null, is_founding: null});
  });
});

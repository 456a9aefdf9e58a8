import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parseAgreements} from "../../lib/sources/policy-sources.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {agreementsTable} from "../../lib/tables/agreements.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const rows = buildTable(agreementsTable, read);
const get = (start: string) => rows.find((r) => r.agreement.startsWith(start))!;

describe("agreementsTable", () => {
  it("buildTable(agreementsTable, read) gives the 13 instruments, 8 of them undated (null, not a guess)", () => {
    expect(rows).toHaveLength(13);
    expect(rows.filter((r) => r.date === null)).toHaveLength(8);
    expect(rows.filter((r) => r.date === null).every((r) => r.date_precision === null && r.date_note!.startsWith("not stated in source read"))).toBe(true);
  });

  it("buildTable(agreementsTable, read) reads parties as codes with a count: the MSP launch has 11, bilateral ones 2", () => {
    expect(get("Minerals Security Partnership")).toMatchObject({party_codes: "AUS;CAN;FIN;FRA;DEU;JPN;KOR;SWE;GBR;USA;EU", party_count: 11, date: "2022-06-14", date_precision: "day"});
    expect(get("US-Japan")).toMatchObject({party_codes: "USA;JPN", party_count: 2, date: "2023-03-28", source_url: "https://ustr.gov/about-us/policy-offices/press-office/press-releases/2023/march/united-states-and-japan-sign-critical-minerals-agreement"});
    expect(get("EU-Ukraine")).toMatchObject({date: "2021-07", date_precision: "month", date_note: "signed in Kyiv, mid-July 2021"});
    expect(get("EU-Democratic Republic of the Congo")).toMatchObject({party_codes: "EU;COD", source_note: "lists existing EU raw-materials partnerships"});
    expect(rows.filter((r) => r.party_count === 2)).toHaveLength(12);
  });

  it("buildTable(agreementsTable, read) sorts by date, undated last, the same on every build", () => {
    expect(rows.map((r) => r.date).slice(0, 5)).toEqual(["2021-06-15", "2021-07", "2022-06-14", "2023-03-28", "2024-04-05"]);
    expect(buildTable(agreementsTable, read)).toEqual(rows);
  });
});

describe("parseAgreements on bad fixtures", () => {
  const header = "agreement,parties,party_codes,type,date,date_precision,source_url";
  const parse = (lines: string[], head = header) => () => parseAgreements([head, ...lines].join("\n") + "\n", "bad-agreements.csv");
  const good = "EU-Chile partnership,European Union; Chile,EU;CHL,MoU,2023-07-18,day,https://example.org/a";

  it("parseAgreements(text) accepts the good fixture", () => {
    expect(parse([good])()[0]!.row).toMatchObject({party_count: 2, date: "2023-07-18"});
  });

  it("parseAgreements(text) throws on a missing column, naming file, line and column", () => {
    expect(parse(["EU-Chile partnership,European Union; Chile,MoU,2023-07-18,day,https://example.org/a"], "agreement,parties,type,date,date_precision,source_url")).toThrow(
      'bad-agreements.csv:1: column "party_codes", value null: required column is missing'
    );
  });

  it("parseAgreements(text) throws on an unparseable date, naming file, line, column and value", () => {
    expect(parse(["EU-Chile partnership,European Union; Chile,EU;CHL,MoU,18/07/2023,day,https://example.org/a"])).toThrow('bad-agreements.csv:2: column "date", value "18/07/2023": a date, YYYY-MM-DD or YYYY-MM');
  });

  it("parseAgreements(text) throws on an unknown country code, naming file, line, column and value", () => {
    expect(parse(["EU-Chile partnership,European Union; Chile,EU;CHI,MoU,2023-07-18,day,https://example.org/a"])).toThrow('bad-agreements.csv:2: column "party_codes", value "EU;CHI": unknown country code "CHI"');
  });

  it("parseAgreements(text) throws on a duplicate key, naming file, line, column and value", () => {
    expect(parse([good, good])).toThrow('bad-agreements.csv:3: column "agreement", value "EU-Chile partnership": duplicate key: already on line 2');
  });

  it("parseAgreements(text) throws when codes and names disagree in number, or a date out of range or precision", () => {
    expect(parse(["EU-Chile partnership,European Union; Chile,EU;CHL;ARG,MoU,2023-07-18,day,https://example.org/a"])).toThrow('bad-agreements.csv:2: column "party_codes", value "EU;CHL;ARG": 3 codes for 2 parties');
    expect(parse(["EU-Chile partnership,European Union; Chile,EU;CHL,MoU,2023-02-30,day,https://example.org/a"])).toThrow('bad-agreements.csv:2: column "date", value "2023-02-30"');
    expect(parse(["EU-Chile partnership,European Union; Chile,EU;CHL,MoU,2023-07,day,https://example.org/a"])).toThrow('bad-agreements.csv:2: column "date_precision", value "day": the date 2023-07 has month precision');
  });
});

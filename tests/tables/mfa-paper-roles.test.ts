import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../lib/sources/decode.ts";
import {parsePaperValues} from "../../lib/sources/paper-values.ts";
import {parsePaperRoles} from "../../lib/sources/mfa-paper-roles.ts";
import {parseReferenceValues} from "../../lib/sources/mfa-reference-values.ts";
import {COMPARISONS} from "../../lib/material-flows/comparisons.ts";
import {productionTable} from "../../lib/tables/production.ts";
import {buildTable} from "../../lib/tables/define.ts";
import {mfaFlowsTable} from "../../lib/tables/mfa-flows.ts";
import {mfaPaperRolesTable} from "../../lib/tables/mfa-paper-roles.ts";
import {mfaReferenceValuesTable} from "../../lib/tables/mfa-reference-values.ts";

const read = (p: string) => decodeSource(readFileSync("data/sources/" + p), p);
const roles = buildTable(mfaPaperRolesTable, read);
const flows = buildTable(mfaFlowsTable, read);
const paper = parsePaperValues(read("paper/paper_values.csv"), "paper/paper_values.csv");
const head = "paper_id,system,role,note\n";

describe("mfaPaperRolesTable", () => {
  it("gives every figure the page compares a role, and calls the paper's downstream lithium figures inputs", () => {
    for (const [system, specs] of Object.entries(COMPARISONS)) {
      for (const s of specs) expect(roles.find((r) => r.system === system && r.paper_id === s.paper), `${system} ${s.paper}`).toBeDefined();
    }
    const inputs = roles.filter((r) => r.system === "lithium" && r.role === "input").map((r) => r.paper_id);
    // The five figures the page used to call met are all built into the model.
    for (const id of ["li_chemicals_chn_2021", "li_cells_chn_2021", "li_ev_2021", "li_eol_ev_2021", "li_recycled_2021"]) expect(inputs).toContain(id);
    expect(roles.filter((r) => r.role === "check").map((r) => r.paper_id)).toEqual([
      "li_mine_aus_2021", "li_mine_share_aus_2021", "li_mine_share_chl_2021", "li_share_in_libs",
      "ni_mine_idn_2021", "ni_mine_phl_2021", "ni_mine_rus_2021", "ni_mine_ncl_2021", "ni_mine_aus_2021", "ni_mine_can_2021", "ni_mine_chn_2021", "ni_scrap_input_share_2021"
    ]);
    expect(roles.find((r) => r.paper_id === "li_ev_2021")!.used_by).toBe("li_ev_sold_chn, li_ev_sold_eu27, li_ev_sold_usa, li_ev_sold_jpn_kor, li_ev_sold_rest");
  });

  it("refuses to call an input a check, a check an input, or to leave an input without a row", () => {
    expect(() => parsePaperRoles(head + "li_ev_2021,lithium,check,\n", "r.csv", {paper, flows})).toThrow(/r.csv:2: column "role", value "check".*li_ev_sold_chn.*it is an input/);
    expect(() => parsePaperRoles(head + "li_share_in_libs,lithium,input,\n", "r.csv", {paper, flows})).toThrow(/r.csv:2: column "role".*not an input/);
    expect(() => parsePaperRoles(head, "r.csv", {paper, flows})).toThrow(/give it a row with role input/);
    expect(() => parsePaperRoles(head + "no_such_figure,lithium,check,\n", "r.csv", {paper, flows})).toThrow(/column "paper_id", value "no_such_figure"/);
  });
});

describe("mfaReferenceValuesTable", () => {
  it("holds the USGS lithium consumption of 2021 and the batteries' end-use shares of 2021 and 2022, as printed", () => {
    const rows = buildTable(mfaReferenceValuesTable, read);
    expect(rows.map((r) => [r.id, r.value, r.unit, r.year])).toEqual([
      ["usgs_li_consumption_2021", 93, "kt Li", 2021],
      ["usgs_li_end_use_batteries_2021", 74, "%", 2021],
      ["usgs_li_end_use_batteries_2022", 80, "%", 2022],
      ["usgs_li_world_production_2021", 100, "kt Li", 2021]
    ]);
    // the printed world output of 2021 is the MCS 2022 data release's "World total (rounded)" row
    const world = buildTable(productionTable, read).find((r) => r.edition === "MCS2022" && r.commodity === "lithium" && r.stage === "mine" && r.kind === "world" && r.year === 2021);
    expect(world?.value_t).toBe(100_000);
  });

  it("names the file, line, column and value of a bad row", () => {
    const h = "id,system,quantity,value,unit,year,source,location,url,note\n";
    expect(() => parseReferenceValues(h + "x,lithium,q,120,%,2021,USGS,p,https://x,\n", "v.csv")).toThrow(/v.csv:2: column "value", value "120"/);
    expect(() => parseReferenceValues(h + "x,lithium,q,12,%,2021,USGS,p,http://x,\n", "v.csv")).toThrow(/column "url"/);
  });
});

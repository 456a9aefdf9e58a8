import {parseAgreements, type AgreementRow} from "../sources/policy-sources.js";
import {defineTable} from "./define.js";

export const AGREEMENTS_FILE = "policies/critical_minerals_agreements.csv";

/** Bilateral and plurilateral cooperation instruments on critical minerals. */
export const agreementsTable = defineTable<AgreementRow>({
  name: "agreements",
  title: "Critical-minerals cooperation instruments (selection)",
  description:
    "Thirteen cooperation instruments on critical minerals, 2021-2024: EU strategic partnerships on raw materials (Canada, Ukraine, " +
    "Uzbekistan, Australia, Kazakhstan, Namibia, Chile, Argentina, Zambia, the DR Congo, Greenland), the launch of the Minerals " +
    "Security Partnership and the US-Japan Critical Minerals Agreement. Parties are given by name and as codes (ISO3, EU for the " +
    "European Union). Dates are null where the source read does not state them. This is a selection, not an inventory: the " +
    "working paper's own dataset counts 41 international initiatives.",
  sources: [
    {
      path: AGREEMENTS_FILE,
      title: "Critical-minerals cooperation agreements, compiled for this project",
      citation:
        "MINERS live working paper (2026), critical_minerals_agreements.csv, compiled from European Commission, USTR, IEA and press " +
        "pages; each row cites its source.",
      licence: "Facts (names and dates); compilation MIT (this repository)",
      edition: "compiled 2026-11-27"
    }
  ],
  key: ["agreement"],
  minRows: 13,
  columns: {
    agreement: {type: "utf8", description: "Name of the instrument"},
    parties: {type: "utf8", description: "Parties by name, separated by \"; \""},
    party_codes: {type: "utf8", description: "Parties as ISO 3166-1 alpha-3 codes or EU, separated by \";\""},
    party_count: {type: "int32", description: "Number of parties", unit: "count"},
    type: {type: "utf8", description: "Kind of instrument as the source describes it (MoU, strategic partnership, trade agreement, ...)"},
    date: {type: "utf8", description: "Date signed or launched, YYYY-MM-DD or YYYY-MM; null when the source read does not state it"},
    date_precision: {type: "utf8", description: "day or month; null when there is no date"},
    date_note: {type: "utf8", description: "Compiler's remark on the date; null if none"},
    source_url: {type: "utf8", description: "URL of the source read"},
    source_note: {type: "utf8", description: "Compiler's remark on the source; null if none"}
  },
  build(read) {
    const rows = parseAgreements(read(AGREEMENTS_FILE), AGREEMENTS_FILE).map((r) => r.row);
    // By date, undated last; ties keep the source's order (Array.prototype.sort is stable).
    return rows.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));
  }
});

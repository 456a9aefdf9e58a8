import {parseMspMembers, type MspMemberRow} from "../sources/policy-sources.js";
import {defineTable} from "./define.js";

export const MSP_FILE = "policies/minerals_security_partnership_members.csv";

/** Partners of the Minerals Security Partnership and when they joined. */
export const mspMembersTable = defineTable<MspMemberRow>({
  name: "msp_members",
  title: "Minerals Security Partnership: partners and when they joined",
  description:
    "The partners of the Minerals Security Partnership (launched in June 2022; fourteen countries and the European Union by the end of " +
    "2024), each with when it joined where an official source held says so: the IEA's record of the partnership (2022) for the seven " +
    "partners it names, the joint statement of the United States and India of June 2023 for India. For the others (Finland, France, " +
    "Germany and Sweden, founding partners by secondary accounts; Norway, Italy and Estonia, which joined later) the official sources held " +
    "give membership but no date, and the date and status stay blank.",
  sources: [
    {
      path: MSP_FILE,
      title: "Minerals Security Partnership members, compiled for this project from official sources",
      citation:
        "MINERS live working paper (2026), minerals_security_partnership_members.csv, compiled from the U.S. State Department's page of the " +
        "partnership (2021-2025 archive), the IEA's record of it (policy 16158) and the joint statement of the United States and India of " +
        "22 June 2023. Each row cites its sources.",
      licence: "Facts (names and dates); compilation MIT (this repository)",
      url: "https://2021-2025.state.gov/minerals-security-partnership/",
      edition: "compiled 2026-12-02"
    }
  ],
  key: ["party_code"],
  minRows: 15,
  columns: {
    partner: {type: "utf8", description: "The partner as the source names it"},
    party_code: {type: "utf8", description: "ISO 3166-1 alpha-3 code, or EU for the European Union"},
    joined: {type: "utf8", description: "Date joined as an official source gives it: YYYY, YYYY-MM, YYYY-MM-DD or a span YYYY-MM/YYYY-MM; null when none does"},
    joined_precision: {type: "utf8", description: "year, month, day or range; null with joined"},
    joined_earliest: {type: "utf8", description: "Earliest day the join date can stand for, YYYY-MM-DD; null with joined"},
    joined_latest: {type: "utf8", description: "Latest day the join date can stand for, YYYY-MM-DD; null with joined"},
    is_founding: {type: "bool", description: "True for a partner at the launch in 2022, false for one that joined later; null when no official source held says"},
    source_url: {type: "utf8", description: "First source URL"},
    sources: {type: "utf8", description: "All sources as the compiler cited them, with remarks"}
  },
  build(read) {
    const rows = parseMspMembers(read(MSP_FILE), MSP_FILE).map((r) => r.row);
    return rows.sort((a, b) => (a.joined_earliest ?? "9999").localeCompare(b.joined_earliest ?? "9999") || a.party_code.localeCompare(b.party_code));
  }
});

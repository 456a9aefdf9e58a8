import {parseMspMembers, type MspMemberRow} from "../sources/policy-sources.js";
import {defineTable} from "./define.js";

export const MSP_FILE = "policies/minerals_security_partnership_members.csv";

/** Partners of the Minerals Security Partnership and when they joined. */
export const mspMembersTable = defineTable<MspMemberRow>({
  name: "msp_members",
  title: "Minerals Security Partnership: partners and when they joined",
  description:
    "The eleven founding partners of the Minerals Security Partnership (launched 14 June 2022: ten countries and the European " +
    "Union) and the partners who joined later, Norway, Italy, India, Estonia and Argentina, with the date each joined as precisely " +
    "as the source gives it: a day, a month, or for Norway and Italy only a span of months. Each date is also given as the earliest " +
    "and latest day it can mean, so that membership on a given day can be tested. Later dates from Wikipedia are secondary sources.",
  sources: [
    {
      path: MSP_FILE,
      title: "Minerals Security Partnership members, compiled for this project",
      citation:
        "MINERS live working paper (2026), minerals_security_partnership_members.csv, compiled from the IEA policy page 16158, the U.S. " +
        "State Department announcements as republished, and Wikipedia (Estonia, Argentina). Each row cites its source.",
      licence: "Facts (names and dates); compilation MIT (this repository)",
      url: "https://www.iea.org/policies/16158-minerals-security-partnership",
      edition: "compiled 2026-11-27"
    }
  ],
  key: ["party_code"],
  columns: {
    partner: {type: "utf8", description: "The partner as the source names it"},
    party_code: {type: "utf8", description: "ISO 3166-1 alpha-3 code, or EU for the European Union"},
    joined: {type: "utf8", description: "Date joined as the source gives it: YYYY-MM-DD, YYYY-MM, or a span YYYY-MM/YYYY-MM"},
    joined_precision: {type: "utf8", description: "day, month or range"},
    joined_earliest: {type: "utf8", description: "Earliest day the join date can stand for, YYYY-MM-DD"},
    joined_latest: {type: "utf8", description: "Latest day the join date can stand for, YYYY-MM-DD"},
    is_founding: {type: "bool", description: "True for the partners at the launch on 2022-06-14"},
    source_url: {type: "utf8", description: "First source URL"},
    sources: {type: "utf8", description: "All sources as the compiler cited them, with remarks"}
  },
  build(read) {
    const rows = parseMspMembers(read(MSP_FILE), MSP_FILE).map((r) => r.row);
    return rows.sort((a, b) => (a.joined_earliest < b.joined_earliest ? -1 : a.joined_earliest > b.joined_earliest ? 1 : 0));
  }
});

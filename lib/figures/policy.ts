import {defineFigure, type FigureDefinition} from "./define.js";

/**
 * The policy page's figures, all over the IEA records. Each returns the rows at the grain its chart
 * needs, with the fields of the record the page's filters read (countries, classes, status, year,
 * technologies), so that lib/policy/figure-models.ts can apply the reader's filters to the query's
 * result; weight is the share of its record a row stands for when each record counts once.
 */

/** The record's fields the filters read. */
const FILTER_FIELDS = "p.policy_id, p.status, p.year, p.classes, p.technologies";

/** One row per record, country and class, weighted by the record's types in the class. */
const COUNTRY_CLASS_SQL = `SELECT c.country AS jurisdiction, c.country_name AS jurisdiction_name, t.miners_class AS intervention_type,
  sum(t.weight) AS weight, ${FILTER_FIELDS}
FROM policy_countries AS c
JOIN policies AS p ON p.policy_id = c.policy_id
JOIN policy_types AS t ON t.policy_id = c.policy_id
GROUP BY ALL
ORDER BY jurisdiction, intervention_type, p.policy_id`;

/** One row per record and IEA type, with the type's class and weight. */
const TYPE_SQL = `SELECT t.type AS policy_type, t.miners_class AS intervention_type, t.weight, p.countries, ${FILTER_FIELDS}
FROM policy_types AS t
JOIN policies AS p ON p.policy_id = t.policy_id
ORDER BY policy_type, p.policy_id, t.topic, t.family, t.category NULLS FIRST`;

/** One row per record. */
const RECORD_SQL = `SELECT p.jurisdiction AS level, p.countries, ${FILTER_FIELDS}
FROM policies AS p
ORDER BY p.year, p.policy_id`;

const SOURCE =
  "International Energy Agency, Policies and Measures Database, every record of its Critical Minerals topic (export of April 2026; tables policies, policy_countries, policy_types), classified by the site (table policy_type_classes).";

/** One party of one initiative. */
const PARTICIPATION_SQL = `SELECT initiative_id, initiative_title, first_year, statuses, record_count, party, party_name, party_numeric, party_count
FROM policy_participation
ORDER BY initiative_id, party`;

export const POLICY_FIGURES: readonly FigureDefinition[] = [
  defineFigure({
    id: "fig-10a",
    number: "10a",
    section: "policy",
    title: "Policies by jurisdiction, by class",
    caption:
      "Records of the IEA's Critical Minerals topic naming each country (a cooperation arrangement counts for each country it names), for the 25 countries with most; each record is split equally over its policy types, so a bar's segments add up to its records. The paper's Figure 10 (a) ranks the jurisdictions of its 600+ measures: the United States 69, Australia 64, the EU 51, Canada 46 and China 32.",
    source: SOURCE,
    sql: COUNTRY_CLASS_SQL,
    tables: ["policy_countries", "policies", "policy_types"],
    model: "lib/policy/figure-models.ts#jurisdictionTypeCells",
    paper: ["pol_count_usa", "pol_count_aus", "pol_count_eu", "pol_count_can", "pol_count_chn", "pol_top10_share"]
  }),
  defineFigure({
    id: "fig-10b",
    number: "10b",
    section: "policy",
    title: "Policies by IEA policy type",
    caption:
      "Records with each of the IEA's policy types, coloured by the MINERS class the type is counted in. A record has one to seven types: counted each type once, the bars add up to more than the records; split, each record adds up to one. The paper's Figure 10 (b) counts its measures by type.",
    source: SOURCE,
    sql: TYPE_SQL,
    tables: ["policy_types", "policies"],
    model: "lib/policy/figure-models.ts#policyTypeCounts"
  }),
  defineFigure({
    id: "fig-11",
    number: "11",
    section: "policy",
    title: "Policies by class, split into IEA policy types",
    caption:
      "Share of the records in each MINERS class, with white rules between the IEA types in it (hover for each). The classification of each IEA type is the site's (table policy_type_classes, with the reason for each choice). The paper reports governance and strategy about 17 %, environmental and social standards 15 %, regulatory and permitting reforms 15 %, financial support and recycling each just over 8 %.",
    source: SOURCE,
    sql: TYPE_SQL,
    tables: ["policy_types", "policies"],
    model: "lib/policy/figure-models.ts#subtypeCounts",
    paper: ["pol_type_governance_share", "pol_type_env_social_share", "pol_type_regulatory_share", "pol_type_financial_share", "pol_type_recycling_share"]
  }),
  defineFigure({
    id: "fig-s12",
    number: "S12",
    section: "policy",
    title: "Adoption over time, by jurisdiction level",
    caption:
      "Records by the year the IEA gives them (for a few, the year of their last amendment), stacked by the IEA's jurisdiction level. The paper finds about 75 % of its measures adopted from 2018 and 67 % from 2020: the acceleration since 2020.",
    source: SOURCE,
    sql: RECORD_SQL,
    tables: ["policies"],
    model: "lib/policy/figure-models.ts#yearLevelCounts",
    paper: ["pol_share_since_2018", "pol_share_since_2020"]
  }),
  defineFigure({
    id: "fig-s13",
    number: "S13",
    section: "policy",
    title: "Status of the records shown",
    caption: 'The IEA\'s status of each record. The paper classifies roughly 88 % of its measures as implemented; the IEA\'s "In force" is the nearest status.',
    source: SOURCE,
    sql: RECORD_SQL,
    tables: ["policies"],
    model: "lib/policy/figure-models.ts#statusCounts",
    paper: ["pol_share_implemented"]
  }),
  defineFigure({
    id: "fig-s14",
    number: "S14",
    section: "policy",
    title: "Gaps in the policy mix: records by jurisdiction and class",
    caption:
      "The 40 countries with most records shown, against every class (records split over their types). A white cell is a combination the IEA records do not hold: a gap in a government's policy mix, or in the IEA's coverage. Clicking a cell filters the page to that country and class.",
    source: SOURCE,
    sql: COUNTRY_CLASS_SQL,
    tables: ["policy_countries", "policies", "policy_types"],
    model: "lib/policy/figure-models.ts#jurisdictionTypeCells"
  }),
  defineFigure({
    id: "fig-s15",
    number: "S15",
    section: "policy",
    title: "Cooperation initiatives and their parties, as a graph",
    caption:
      "Circles are parties, sized by the initiatives they take part in; squares are initiatives, bilateral or of three or more parties. An initiative is the IEA records with the type International arrangements and the same title (table cooperation_rules compares this rule with the others). A jurisdiction filter keeps the initiatives it is a party to.",
    source: `${SOURCE} Initiatives: table policy_participation.`,
    sql: PARTICIPATION_SQL,
    tables: ["policy_participation"],
    model: "lib/policy/figure-models.ts#keptParticipation",
    paper: ["coop_initiatives_total", "coop_share_since_2020", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"]
  }),
  defineFigure({
    id: "fig-12",
    number: "12",
    section: "policy",
    title: "Bilateral and plurilateral cooperation on the map",
    caption:
      "Countries shaded by the number of initiatives they take part in; grey, none. Lines join the two parties of each bilateral initiative; initiatives of three or more parties are counted in the shading only. The EU is drawn at Brussels. The filters act as in Figure S15.",
    source: `${SOURCE} Initiatives: table policy_participation. Natural Earth boundaries (world-atlas, 1:110m), Equal Earth projection.`,
    sql: PARTICIPATION_SQL,
    tables: ["policy_participation"],
    model: "lib/policy/figure-models.ts#keptParticipation",
    paper: ["coop_initiatives_total", "coop_share_since_2020", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"],
    kind: "map"
  }),
  defineFigure({
    id: "fig-s16",
    number: "S16",
    section: "policy",
    title: "Critical-mineral lists compared",
    caption:
      'Rows are mineral families (single rare earths count as rare earth elements, single platinum-group metals as platinum group metals), with the number of jurisdictions listing them now; the year is that of the earliest list held here that names the mineral, not necessarily its first listing (the EU has listed critical raw materials since 2011). A jurisdiction\'s current list of each kind is its latest; a mineral only on an earlier one is white, dropped. The "To" filter keeps the lists published by that year. Not held: Japan\'s and China\'s lists, the UK\'s lists of 2024 and 2025 and South Africa\'s and New Zealand\'s.',
    source: "Official critical-mineral lists of the United States, the EU, Canada, Australia, the UK and India (critical_mineral_lists.csv); table critical_lists.",
    sql: `SELECT jurisdiction_code, list_name, list_year, published, category, mineral, mineral_group
FROM critical_lists
ORDER BY jurisdiction_code, list_year, published, list_name, mineral`,
    tables: ["critical_lists"],
    model: "lib/policy/critical-lists.ts#listMatrix"
  })
];

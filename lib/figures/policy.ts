import {defineFigure, type FigureDefinition} from "./define.js";

/**
 * The policy page's figures. The measure figures count measures (rows that are not accessions) at
 * the grain the page's filters need (jurisdiction, type, status, years of start, minerals), so that
 * lib/policy/figure-models.ts can apply the reader's filters to the query's result; the cooperation
 * figures return one party of one initiative with the initiative's own columns.
 */

/** The columns of policy_measures the page's filters read, besides the figure's own. */
const FILTER_COLUMNS = ["jurisdiction", "intervention_type", "status", "start_year_min", "start_year_max", "minerals", "mineral_groups"];

/** Measures counted by the figure's columns and the filters' columns; ordered by all of them, so the order is total. */
const measuresBy = (columns: readonly string[]) => {
  const all = [...new Set([...columns, ...FILTER_COLUMNS])];
  return `SELECT ${all.join(", ")}, count(*)::INTEGER AS measures
FROM policy_measures
WHERE part_of IS NULL
GROUP BY ${all.join(", ")}
ORDER BY ${all.map((c) => `${c} NULLS LAST`).join(", ")}`;
};

const MEASURES_SOURCE =
  "MINERS policy measures (miners_policy_measures.csv): the site's classification of IEA Policies and Measures records, official critical-mineral lists, cooperation agreements and Minerals Security Partnership memberships; table policy_measures.";

/** One party of one initiative, with the initiative's columns the filters read. */
const PARTICIPATION_SQL = `SELECT p.initiative_id, p.initiative_title, p.initiative_subtype, p.party, p.party_name, p.party_numeric,
  m.jurisdiction, m.parties, m.intervention_type, m.status, m.start_year_min, m.start_year_max, m.minerals, m.mineral_groups
FROM policy_participation AS p
JOIN policy_measures AS m ON m.measure_id = p.initiative_id
ORDER BY p.initiative_id, p.party`;

export const POLICY_FIGURES: readonly FigureDefinition[] = [
  defineFigure({
    id: "fig-10a",
    number: "10a",
    section: "policy",
    title: "Measures by jurisdiction and type of intervention",
    caption:
      "Measures (not accessions) by jurisdiction, stacked by intervention type; an international arrangement counts once, for the party it is filed under. The paper's Figure 10 (a) ranks the jurisdictions of its 600+ measures; its text names the United States (69), Australia (64), the EU (51), Canada (46) and China (32), and gives the ten leading jurisdictions 56 % of the measures.",
    source: MEASURES_SOURCE,
    sql: measuresBy(["jurisdiction", "jurisdiction_name", "intervention_type"]),
    tables: ["policy_measures"],
    model: "lib/policy/figure-models.ts#jurisdictionTypeCells",
    paper: ["pol_count_usa", "pol_count_aus", "pol_count_eu", "pol_count_can", "pol_count_chn", "pol_top10_share"]
  }),
  defineFigure({
    id: "fig-11",
    number: "11",
    section: "policy",
    title: "Measures by type of intervention, split into sub-types",
    caption:
      "Share of the measures shown in each intervention type (the paper's Figure 10 (b)), with white rules between its sub-types (Figure 11; hover for each). The paper reports governance and strategy (about 17 %), environmental and social standards (15 %), regulatory and permitting reforms (15 %), then financial support and recycling (each just over 8 %). Types and sub-types are the site's vocabulary (lib/policy/vocabulary.ts), built around the classes the paper names; the paper does not publish its full list.",
    source: MEASURES_SOURCE,
    sql: measuresBy(["intervention_type", "intervention_subtype"]),
    tables: ["policy_measures"],
    model: "lib/policy/figure-models.ts#subtypeCounts",
    paper: ["pol_type_governance_share", "pol_type_env_social_share", "pol_type_regulatory_share", "pol_type_financial_share", "pol_type_recycling_share"]
  }),
  defineFigure({
    id: "fig-s12",
    number: "S12",
    section: "policy",
    title: "Adoption over time: measures by year of start and status",
    caption:
      "Year of start: adoption, signature, publication or joining, as the source dates it (the IEA's date promulgated, or its year). A measure whose start is unknown, or known only to fall between two years, stands in the last column, hatched, not in a guessed year. The paper finds about 75 % of its measures adopted from 2018 and 67 % from 2020.",
    source: MEASURES_SOURCE,
    sql: measuresBy(["start_year_min", "start_year_max", "status"]),
    tables: ["policy_measures"],
    model: "lib/policy/figure-models.ts#yearStatusCounts",
    paper: ["pol_share_since_2018", "pol_share_since_2020"]
  }),
  defineFigure({
    id: "fig-s13",
    number: "S13",
    section: "policy",
    title: "Implementation status of the measures shown",
    caption: 'A measure with no status in its source is counted as "not given", not as implemented. The paper classifies roughly 88 % of its measures as implemented.',
    source: MEASURES_SOURCE,
    sql: measuresBy(["status"]),
    tables: ["policy_measures"],
    model: "lib/policy/figure-models.ts#statusCounts",
    paper: ["pol_share_implemented"]
  }),
  defineFigure({
    id: "fig-s14",
    number: "S14",
    section: "policy",
    title: "Gaps in the policy mix: measures by jurisdiction and type of intervention",
    caption:
      "The 40 jurisdictions with most measures shown, against every intervention type. A white cell is a combination the loaded dataset does not hold: a gap in a government's policy mix, or in the dataset. Clicking a cell filters the page to that jurisdiction and type.",
    source: MEASURES_SOURCE,
    sql: measuresBy(["jurisdiction", "jurisdiction_name", "intervention_type"]),
    tables: ["policy_measures"],
    model: "lib/policy/figure-models.ts#jurisdictionTypeCells"
  }),
  defineFigure({
    id: "fig-s15",
    number: "S15",
    section: "policy",
    title: "Cooperation initiatives and their parties, as a graph",
    caption:
      "Circles are parties, sized by the initiatives they take part in; squares are initiatives, coloured by kind. A party that joined later (an accession, such as India's to the Minerals Security Partnership) is linked to the initiative it joined. A jurisdiction filter keeps the initiatives it is an original party to; the other filters act on the initiative.",
    source: `${MEASURES_SOURCE} Participation: table policy_participation.`,
    sql: PARTICIPATION_SQL,
    tables: ["policy_participation", "policy_measures"],
    model: "lib/policy/figure-models.ts#keptParticipation",
    paper: ["coop_initiatives_total", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"]
  }),
  defineFigure({
    id: "fig-12",
    number: "12",
    section: "policy",
    title: "Bilateral and plurilateral cooperation on the map",
    caption:
      "Countries shaded by the number of initiatives they take part in; grey, none in the loaded data. Lines join the two parties of each bilateral initiative; initiatives of three or more parties are counted in the shading only. The EU is drawn at Brussels. The filters act as in Figure S15.",
    source: `${MEASURES_SOURCE} Participation: table policy_participation. Natural Earth boundaries (world-atlas, 1:110m), Equal Earth projection.`,
    sql: PARTICIPATION_SQL,
    tables: ["policy_participation", "policy_measures"],
    model: "lib/policy/figure-models.ts#keptParticipation",
    paper: ["coop_initiatives_total", "coop_count_usa", "coop_count_eu", "coop_count_can", "coop_count_aus", "coop_count_jpn"],
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

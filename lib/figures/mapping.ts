import {defineFigure} from "./define.js";
import {TABLE3_FIELDS} from "../mapping/table3-fields.js";

const ICMM = "ICMM Global Mining Dataset, September 2025, CC BY 4.0";
const MCS = "USGS, Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6)";

/** The site columns the maps' tooltips show. */
const SITE_COLUMNS = `source_dataset, source_id, name, country, iso3, latitude, longitude, confidence, asset_type,
  primary_commodity, secondary_commodity, other_commodities, resource_type, status, grade_pct, resources_kt, reserves_kt,
  production_kt, capacity_kt, coords_iso3, coords_outside_country, source_file, source_line`;

/** 2021 mine production by country (and the USGS "other countries" and world rows) as a map's shading layer. */
const productionLayer = (commodity: string) => `SELECT 'country' AS layer, iso3, country, kind, value_t, status AS value_status
FROM production
WHERE edition = 'MCS2023' AND stage = 'mine' AND year = 2021 AND commodity = '${commodity}' AND kind IN ('country', 'other', 'world')`;

/** Per field of Table 3, how many rows have a value, under the sites table's column names. */
const counts = (column: (f: (typeof TABLE3_FIELDS)[number]) => string) =>
  TABLE3_FIELDS.map((f) => `count(${column(f) === "operator" ? '"operator"' : column(f)})::INTEGER AS ${f.column === "operator" ? '"operator"' : f.column}`).join(",\n       ");

const ORIGIN_COLUMNS = ["grade_pct", "reserves_kt", "resources_kt", "production_kt", "capacity_kt", "cost_usd_per_t"];

export const MAPPING_FIGURES = [
  defineFigure({
    id: "fig-3",
    number: "3",
    section: "mapping",
    kind: "map",
    title: "Lithium deposits and mines by resource type and status, with lithium mine production by country, 2021",
    caption:
      "Busch et al.'s deposits are coloured by resource type and shaped by status, sized by the quantity chosen; a deposit without a value of that quantity is drawn hollow at a fixed size. ICMM lithium sites, which have no type, status or tonnage, are hollow grey stars. Countries are shaded by USGS mine production in 2021; the United States withholds its figure and is hatched. Busch et al.'s 2022 production and capacity are model output. Where sites crowd together, above all on the salars of the Andean plateau, a region can be chosen: the map is redrawn on it and every site in view is listed under it. The paper's panels (a) and (b) are drawn together; its panel (c), brine types and extraction conditions, is not (see the text).",
    source: `Busch et al. (2024), Parameters/Deposit.csv (MIT), and ${ICMM}, table sites; ${MCS}, lithium world table, table production. Natural Earth boundaries (world-atlas, 1:110m), Equal Earth projection.`,
    sql: `SELECT 'site' AS layer, ${SITE_COLUMNS},
  coalesce(resource_type, 'ICMM site (type not given)') AS type_class,
  coalesce(status, 'not given (ICMM)') AS status_class
FROM sites
WHERE has_lithium
UNION ALL BY NAME
${productionLayer("lithium")}
ORDER BY layer DESC, source_dataset, source_id, kind, iso3`,
    tables: ["sites", "production"],
    model: "lib/mapping/maps.ts#lithiumMap",
    paper: ["li_mine_aus_2021"]
  }),
  defineFigure({
    id: "fig-4a",
    number: "4a",
    section: "mapping",
    kind: "map",
    title: "Nickel mines by the role of nickel at the site and ICMM confidence, with nickel mine production by country, 2021",
    caption:
      "ICMM sites whose asset type includes a mine and whose commodities mention nickel (ferronickel included), coloured by whether nickel is the primary, secondary or another commodity, shaped by ICMM's confidence. ICMM gives no tonnage, so every dot has the same size. The USGS lists some countries and puts the rest in \"other countries\", which are grey.",
    source: `${ICMM}, table sites; ${MCS}, nickel world table, table production. Natural Earth boundaries (world-atlas, 1:110m).`,
    sql: `SELECT 'site' AS layer, ${SITE_COLUMNS},
  CASE WHEN lower(coalesce(primary_commodity, '')) LIKE '%nickel%' THEN 'primary commodity'
       WHEN lower(coalesce(secondary_commodity, '')) LIKE '%nickel%' THEN 'secondary commodity'
       ELSE 'other commodity' END AS role
FROM sites
WHERE has_nickel AND asset_type LIKE '%Mine%'
UNION ALL BY NAME
${productionLayer("nickel")}
ORDER BY layer DESC, source_dataset, source_id, kind, iso3`,
    tables: ["sites", "production"],
    model: "lib/mapping/maps.ts#nickelMineMap",
    paper: ["ni_mine_idn_2021", "ni_mine_phl_2021", "ni_mine_rus_2021", "ni_mine_ncl_2021"]
  }),
  defineFigure({
    id: "fig-4b",
    number: "4b",
    section: "mapping",
    kind: "map",
    title: "Nickel processing sites in the ICMM dataset (smelters, refineries and plants)",
    caption:
      "Only the nickel sites of the ICMM dataset (September 2025) whose asset type includes a smelter, refinery or plant, by kind of plant and whether a mine is at the same site. ICMM gives no output or capacity and its coverage is uneven: it lists few plants in Indonesia and China, the largest refiners by the IEA's count (Figure S23, beside). The map shows where the dataset has plants, not where nickel is refined or how much.",
    source: `${ICMM}, table sites. Natural Earth boundaries (world-atlas, 1:110m).`,
    sql: `SELECT ${SITE_COLUMNS},
  CASE WHEN asset_type LIKE '%Smelter%' AND asset_type LIKE '%Refinery%' THEN 'smelter and refinery'
       WHEN asset_type LIKE '%Smelter%' THEN 'smelter'
       WHEN asset_type LIKE '%Refinery%' THEN 'refinery'
       ELSE 'plant' END AS processing,
  CASE WHEN asset_type LIKE '%Mine%' THEN 'with a mine' ELSE 'no mine at the site' END AS site_kind
FROM sites
WHERE has_nickel AND (asset_type LIKE '%Smelter%' OR asset_type LIKE '%Refinery%' OR asset_type LIKE '%Plant%')
ORDER BY source_dataset, source_id`,
    tables: ["sites"]
  }),
  defineFigure({
    id: "fig-s23",
    number: "S23",
    section: "mapping",
    title: "Nickel refining by country, 2024 (IEA), beside the ICMM processing sites in each",
    caption:
      "Refined nickel in 2024 by the IEA's estimate (kt Ni): the countries the IEA names and the rest of the world, each with its share of the IEA's stated world total, and the number of nickel processing sites ICMM lists there (the sites of Figure 4b). The IEA's Rest of world also holds one country it names (Canada in this edition); the bar for the rest of the world is the stated total less every named country, so no tonnage is counted twice. The year is 2024, not the paper's 2021.",
    source:
      "International Energy Agency (2025), Critical Minerals Data Explorer, Global Critical Minerals Outlook 2025, CC BY 4.0: tables iea_supply and iea_supply_checks; " +
      `${ICMM}, table sites.`,
    sql: `WITH block AS (
  SELECT * FROM iea_supply WHERE mineral = 'nickel' AND tier = 'refining' AND year = 2024
), plants AS (
  SELECT coalesce(iso3, '') AS iso3 FROM sites
  WHERE has_nickel AND (asset_type LIKE '%Smelter%' OR asset_type LIKE '%Refinery%' OR asset_type LIKE '%Plant%')
)
SELECT b.listed, b.country, b.iso3, b.kind, b.value_kt, b.unit, b.also_in_rest_of_world,
  c.total_kt, c.rest_of_world_net_kt, c.counted_twice,
  CASE WHEN b.kind = 'rest of world'
       THEN (SELECT count(*) FROM plants WHERE plants.iso3 NOT IN (SELECT iso3 FROM block WHERE iso3 IS NOT NULL))
       ELSE (SELECT count(*) FROM plants WHERE plants.iso3 = b.iso3) END::INTEGER AS icmm_processing_sites
FROM block b
JOIN iea_supply_checks c ON c.mineral = b.mineral AND c.tier = b.tier AND c.year = b.year
ORDER BY b.listed`,
    tables: ["iea_supply", "iea_supply_checks", "sites"],
    model: "lib/mapping/refining.ts#refiningModel"
  }),
  defineFigure({
    id: "fig-s6",
    number: "S6",
    section: "mapping",
    title: "Nickel refining output the paper states, 2021",
    caption: "The paper's figures, transcribed from its text (kt Ni, 2021); not recomputed here, since neither the USGS tables nor ICMM give the output of smelters and refineries. Dashed outlines mark them as the paper's.",
    source: "The working paper's text (Figure 4 discussion), from its own sources; table paper_values.",
    sql: `SELECT id,
  CASE id WHEN 'ni_ferronickel_2021' THEN 'Ferronickel (NPI/FeNi), world'
          WHEN 'ni_metal_2021' THEN 'Nickel metal, world'
          WHEN 'ni_npi_feni_idn_2021' THEN 'NPI/FeNi, Indonesia'
          ELSE 'All intermediates, China' END AS label,
  CASE id WHEN 'ni_npi_feni_idn_2021' THEN 'IDN' WHEN 'ni_intermediates_chn_2021' THEN 'CHN' END AS iso3,
  value, unit
FROM paper_values
WHERE id IN ('ni_ferronickel_2021', 'ni_metal_2021', 'ni_npi_feni_idn_2021', 'ni_intermediates_chn_2021')
ORDER BY CASE id WHEN 'ni_ferronickel_2021' THEN 1 WHEN 'ni_metal_2021' THEN 2 WHEN 'ni_npi_feni_idn_2021' THEN 3 ELSE 4 END`,
    tables: ["paper_values"],
    paper: ["ni_ferronickel_2021", "ni_metal_2021", "ni_npi_feni_idn_2021", "ni_intermediates_chn_2021"]
  }),
  defineFigure({
    id: "fig-s7",
    number: "S7",
    section: "mapping",
    kind: "map",
    title: "All sites of the ICMM Global Mining Dataset by commodity group",
    caption:
      "Every site of ICMM's External sheet. The groups are ours: \"coal\" joins thermal, metallurgical and unspecified coal; \"lithium or nickel\" is any site whose commodities mention either, the sites of Figures 3 and 4.",
    source: `${ICMM}, table icmm_sites. Natural Earth boundaries (world-atlas, 1:110m).`,
    sql: `SELECT icmm_id, name, country, iso3, latitude, longitude, confidence, asset_type,
  primary_commodity, secondary_commodity, other_commodities, has_lithium, has_nickel,
  coords_iso3, coords_outside_country, name_repaired, source_line,
  CASE WHEN has_lithium OR has_nickel THEN 'lithium or nickel'
       WHEN lower(primary_commodity) LIKE '%coal%' THEN 'coal'
       WHEN primary_commodity IN ('copper', 'gold', 'iron ore') THEN primary_commodity
       ELSE 'other' END AS commodity_group,
  asset_type LIKE '%Mine%' AS is_mine,
  (asset_type LIKE '%Smelter%' OR asset_type LIKE '%Refinery%' OR asset_type LIKE '%Plant%') AS is_processing
FROM icmm_sites
ORDER BY icmm_id`,
    tables: ["icmm_sites"],
    model: "lib/mapping/maps.ts#allSitesShown"
  }),
  defineFigure({
    id: "fig-s8",
    number: "S8",
    section: "mapping",
    kind: "map",
    title: "Sites whose coordinates lie outside their stated country, with an arrow from the stated country",
    caption: "ICMM sites whose coordinates fall outside the country the dataset names; most are Australian mines listed under New Caledonia. Arrows start at the centroid of the stated country. With a country chosen, the sites stated in it or lying in it.",
    source: `${ICMM}; the country at each site's coordinates by @rapideditor/country-coder (columns coords_iso3 and coords_outside_country of table icmm_sites).`,
    sql: `SELECT icmm_id, name, country, iso3, coords_iso3, latitude, longitude, primary_commodity, secondary_commodity, other_commodities,
  asset_type, confidence, source_line, coords_outside_country,
  CASE WHEN has_lithium OR has_nickel THEN 'lithium or nickel site' ELSE 'other site' END AS site_class
FROM icmm_sites
WHERE coords_outside_country
ORDER BY icmm_id`,
    tables: ["icmm_sites"],
    model: "lib/mapping/maps.ts#outsideSites"
  }),
  defineFigure({
    id: "fig-7",
    number: "7",
    section: "mapping",
    title: "Where the data is thin: sites with a value, by field of Table 3 and country",
    caption:
      "For each field of the paper's Table 3 and each country, how many of the lithium and nickel sites have a value (SQL's count(column)). The first row counts all sites, the second the paper's own twelve example rows; the selected country is outlined in red. Busch et al.'s production, capacity and cost are counted although they are modelled.",
    source: "Table sites (ICMM Global Mining Dataset, September 2025; Busch et al. 2024) and table paper_table3 (the working paper's Table 3 as printed).",
    sql: `SELECT * FROM (
SELECT CASE WHEN grouping(iso3) = 1 THEN 'ALL' ELSE iso3 END AS grp,
       count(*)::INTEGER AS sites,
       ${counts((f) => f.column)}
FROM sites
GROUP BY ROLLUP (iso3)
UNION ALL
SELECT 'TABLE3' AS grp,
       count(*)::INTEGER AS sites,
       ${counts((f) => f.paper)}
FROM paper_table3
)
ORDER BY grp = 'ALL' DESC, grp = 'TABLE3' DESC, sites DESC, grp`,
    tables: ["sites", "paper_table3"],
    model: "lib/mapping/gap-matrix.ts#gapMatrixFromCounts"
  }),
  defineFigure({
    id: "fig-s9",
    number: "S9",
    section: "mapping",
    title: "Observed, modelled and missing values of the quantity fields, lithium and nickel sites",
    caption:
      "A value is modelled when its column is named in the row's modelled_fields. Busch et al. (2024) model the 2022 production (USGS country totals shared among producing deposits by capacity), the capacity (resources times a depletion rate) and the cost (reported, regressed on grade, or drawn from a distribution, with modelled royalties and taxes).",
    source: "Table sites (ICMM Global Mining Dataset, September 2025; Busch et al. 2024).",
    sql: ORIGIN_COLUMNS.map(
      (c, i) => `SELECT '${c}' AS "column", ${i + 1} AS ord,
  count(*) FILTER (WHERE ${c} IS NOT NULL AND NOT regexp_matches(modelled_fields, '(^|,)\\s*${c}\\s*(,|$)'))::INTEGER AS observed,
  count(*) FILTER (WHERE ${c} IS NOT NULL AND regexp_matches(modelled_fields, '(^|,)\\s*${c}\\s*(,|$)'))::INTEGER AS modelled,
  count(*) FILTER (WHERE ${c} IS NULL)::INTEGER AS missing
FROM sites`
    ).join("\nUNION ALL\n") + "\nORDER BY ord",
    tables: ["sites"]
  }),
  defineFigure({
    id: "fig-t3",
    number: "T3",
    section: "mapping",
    kind: "table",
    title: "Example of a global mine-level dataset: the paper's rows beside the open data",
    caption:
      "The paper's twelve example rows (Indonesian nickel operations, as printed, cut-off words included) with the lithium and nickel sites of the open sources in the same fields. Units differ between sources and are given in each row; Busch et al.'s production, capacity and cost are model output.",
    source: "Table sites (ICMM Global Mining Dataset, September 2025, CC BY 4.0; Busch et al. 2024, MIT) and table paper_table3 (the working paper's Table 3 as printed).",
    sql: `SELECT 'site' AS origin, * FROM sites
UNION ALL BY NAME
SELECT 'paper' AS origin, * FROM paper_table3
ORDER BY origin DESC, source_dataset, source_id, row_in_table`,
    tables: ["sites", "paper_table3"],
    model: "lib/mapping/explorer.ts#explorerRows"
  })
];

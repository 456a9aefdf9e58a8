/**
 * The query workspace's worked examples: questions the working paper raises, each answered by one
 * query over the site's tables. The browser test runs every one and checks its numbers.
 */
export interface WorkedExample {
  id: string;
  question: string;
  /** What the result shows and where to compare it, in a sentence or two. */
  answer: string;
  sql: string;
}

export const EXAMPLES: readonly WorkedExample[] = [
  {
    id: "lithium-producers",
    question: "Who mined the world's lithium in 2021?",
    answer:
      "Each country's mine production in MCS 2023 and its share of the USGS world total. The paper gives Australia 49 % and Chile 25 %, from its own flow model; the USGS figures give larger shares, because the USGS total leaves out withheld U.S. production.",
    sql: `SELECT p.country,
       p.value_t::DOUBLE AS tonnes_li,
       round(100 * p.value_t / w.value_t, 1)::DOUBLE AS share_pct,
       p.status
FROM production p
JOIN production w
  ON w.edition = p.edition AND w.commodity = p.commodity AND w.stage = p.stage
 AND w.year = p.year AND w.kind = 'world'
WHERE p.edition = 'MCS2023' AND p.commodity = 'lithium' AND p.stage = 'mine'
  AND p.year = 2021 AND p.kind = 'country'
ORDER BY p.value_t DESC NULLS LAST`
  },
  {
    id: "hhi",
    question: "How concentrated was mining of each mineral in 2021?",
    answer:
      "The Herfindahl–Hirschman index, the sum of squared percentage shares of the world total, computed in SQL. It equals the index on the production page, computed there by the site's own code; above 2,500 a market is commonly called highly concentrated.",
    sql: `WITH shares AS (
  SELECT p.commodity, 100 * p.value_t / w.value_t AS share
  FROM production p
  JOIN production w
    ON w.edition = p.edition AND w.commodity = p.commodity AND w.stage = p.stage
   AND w.year = p.year AND w.kind = 'world'
  WHERE p.edition = 'MCS2023' AND p.stage = 'mine' AND p.year = 2021
    AND p.kind = 'country' AND p.value_t IS NOT NULL
)
SELECT commodity,
       round(sum(share * share))::INTEGER AS hhi,
       round(max(share), 1)::DOUBLE AS largest_share_pct,
       count(*)::INTEGER AS countries
FROM shares
GROUP BY commodity
ORDER BY hhi DESC`
  },
  {
    id: "nickel-paper",
    question: "Do the paper's nickel producers match the USGS figures?",
    answer:
      "The paper's production of each named country (table paper_values) beside MCS 2023. All agree but Indonesia: 1,036 kt in the paper against the USGS's 1,040 kt, a value the USGS rounds to three significant figures.",
    sql: `SELECT p.country,
       v.value AS paper_kt,
       p.value_t / 1000 AS usgs_kt,
       (p.value_t / 1000 - v.value)::DOUBLE AS difference_kt,
       v.location AS in_the_paper
FROM paper_values v
JOIN production p
  ON p.iso3 = upper(split_part(v.id, '_', 3))
 AND p.edition = 'MCS2023' AND p.commodity = 'nickel' AND p.stage = 'mine'
 AND p.year = 2021 AND p.kind = 'country'
WHERE v.id LIKE 'ni_mine_%'
ORDER BY paper_kt DESC`
  },
  {
    id: "revisions",
    question: "How much do the USGS editions revise world lithium production?",
    answer:
      "World mine production by year in each edition of the Mineral Commodity Summaries: a later edition revises the years it repeats, which is why the site uses MCS 2023 for 2021, as the paper's figures do.",
    sql: `SELECT year, edition, value_t::DOUBLE AS world_tonnes_li
FROM production
WHERE commodity = 'lithium' AND stage = 'mine' AND kind = 'world'
ORDER BY edition, year`
  },
  {
    id: "icmm-sites",
    question: "Where are the lithium and nickel sites of the ICMM Global Mining Dataset?",
    answer:
      "Sites per country. The dataset lists mines, smelters and refineries without production tonnages, so counts of sites are not shares of supply.",
    sql: `SELECT country,
       count(*) FILTER (WHERE has_lithium)::INTEGER AS lithium_sites,
       count(*) FILTER (WHERE has_nickel)::INTEGER AS nickel_sites
FROM icmm_sites
WHERE has_lithium OR has_nickel
GROUP BY country
ORDER BY lithium_sites + nickel_sites DESC, country
LIMIT 15`
  },
  {
    id: "critical-lists",
    question: "Which governments list lithium and nickel as critical?",
    answer: "Each official list in the table, and whether it names lithium and nickel. A list that leaves nickel out may still name it on a watchlist or in a later update (see the notes column of critical_lists).",
    sql: `SELECT jurisdiction, list_name, list_year,
       bool_or(mineral = 'lithium') AS lithium,
       bool_or(mineral = 'nickel') AS nickel,
       count(*)::INTEGER AS minerals_listed
FROM critical_lists
GROUP BY jurisdiction, list_name, list_year
ORDER BY jurisdiction, list_year, list_name`
  },
  {
    id: "governance",
    question: "How politically stable were the largest nickel producers in 2021?",
    answer:
      "The World Bank's Political Stability and Absence of Violence estimate (about −2.5 to 2.5; higher is more stable) for each country that mined nickel in 2021, largest first: geopolitical stability is one of the paper's sources of shock.",
    sql: `SELECT p.country,
       p.value_t::DOUBLE AS tonnes_ni,
       g.estimate AS political_stability
FROM production p
LEFT JOIN governance g
  ON g.iso3 = p.iso3 AND g.year = 2021 AND g.indicator = 'pv'
WHERE p.edition = 'MCS2023' AND p.commodity = 'nickel' AND p.stage = 'mine'
  AND p.year = 2021 AND p.kind = 'country'
ORDER BY p.value_t DESC NULLS LAST`
  }
];

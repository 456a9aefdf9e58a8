import {defineFigure} from "./define.js";

/** Mine production by country in 2021 as MCS 2023 reports it, one commodity (bars, largest first). */
const minedIn2021 = (commodity: string) => `SELECT country, iso3, kind, value_t, status, unit
FROM production
WHERE edition = 'MCS2023' AND stage = 'mine' AND year = 2021 AND commodity = '${commodity}'
ORDER BY kind = 'world', kind = 'other', value_t DESC NULLS LAST, country`;

export const PRODUCTION_FIGURES = [
  defineFigure({
    id: "fig-s1",
    number: "S1",
    section: "production",
    title: "Lithium mine production by country, 2021",
    caption:
      "Light bars are USGS estimates. U.S. production is withheld by the USGS to avoid disclosing company data; it is shown as missing, and the world total excludes it.",
    source: "USGS, Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6), mcs2023-lithi_world.csv; table production.",
    sql: minedIn2021("lithium"),
    tables: ["production"],
    paper: ["li_mine_aus_2021", "li_mine_share_aus_2021", "li_mine_share_chl_2021"]
  }),
  defineFigure({
    id: "fig-s2",
    number: "S2",
    section: "production",
    title: "Nickel mine production by country, 2021",
    caption: "Grey is the USGS aggregate of the other producing countries.",
    source: "USGS, Mineral Commodity Summaries 2023 data release (doi:10.5066/P9WCYUI6), mcs2023-nicke_world.csv; table production.",
    sql: minedIn2021("nickel"),
    tables: ["production"],
    paper: ["ni_mine_idn_2021", "ni_mine_phl_2021", "ni_mine_rus_2021"]
  })
];

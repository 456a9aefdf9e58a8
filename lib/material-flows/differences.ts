/**
 * The quantities the material-flows page sets beside the paper's in its "Where they differ"
 * paragraphs, computed from a model result (model.ts), the USGS mine output of the system and the
 * paper's figures by id. A quantity whose inputs are missing is null, never 0.
 */

import type {ModelResult} from "./model.js";

type Values = Readonly<Record<string, number>>;

const sum = (...xs: (number | null | undefined)[]): number | null => (xs.every((x) => typeof x === "number" && Number.isFinite(x)) ? (xs as number[]).reduce((s, x) => s + x, 0) : null);
const ratio = (a: number | null | undefined, b: number | null | undefined): number | null => (typeof a === "number" && typeof b === "number" && b !== 0 && Number.isFinite(a / b) ? a / b : null);

export interface LithiumDifferences {
  /** Australia's and Chile's shares of the USGS mine output (0-1). */
  ausShare: number | null;
  chlShare: number | null;
  /** World mine output implied by the paper: Australia's tonnage over its share. */
  impliedWorld: number | null;
  /** Cells made in China and elsewhere, kt Li. */
  cells: number | null;
  /** Lithium into cells as a share of refined lithium (0-1). */
  cellsShareOfRefined: number | null;
  /** Refined lithium no figure of the paper places in cells, kt Li. */
  nonBattery: number | null;
  /** The USGS's world consumption of 2021 (kt Li) and the batteries' share of it (0-1), where the rows hold them. */
  consumption: number | null;
  batteryShareUsgs: number | null;
  /** Lithium in batteries by the USGS: its share times its consumption, kt Li. */
  batteriesUsgs: number | null;
  /** The model's cells as a share of the USGS's consumption (0-1). */
  cellsShareOfConsumption: number | null;
  /** Mine output less the USGS's consumption: what 2021's supply put into stocks and losses, kt Li. */
  supplyOverConsumption: number | null;
  /** The same from one edition: MCS 2022's world mine output of 2021 less its consumption, kt Li (MCS 2023 revised the output up). */
  worldOutputSameEdition: number | null;
  supplyOverConsumptionSameEdition: number | null;
}

/**
 * The lithium comparisons: shares of mining, the paper's implied world total, how much refined
 * lithium reaches cells, and, from the USGS's consumption figures (table mfa_reference_values, by
 * id), why the paper's "about 80 % in batteries" is a share of consumption, not of supply.
 */
export function lithiumDifferences(values: Values, mined: number | null, paper: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number> = new Map()): LithiumDifferences {
  const v = values;
  const refined = sum(v.li_chn_to_cells, v.li_chn_to_market, v.li_row_to_market);
  const cells = sum(v.li_cells_chn, v.li_cells_row);
  const consumption = reference.get("usgs_li_consumption_2021") ?? null;
  const batteryShareUsgs = ratio(reference.get("usgs_li_end_use_batteries_2021"), 100);
  const worldOutputSameEdition = reference.get("usgs_li_world_production_2021") ?? null;
  return {
    ausShare: ratio(v.li_mined_aus, mined),
    chlShare: ratio(v.li_mined_chl, mined),
    impliedWorld: ratio(paper.get("li_mine_aus_2021"), ratio(paper.get("li_mine_share_aus_2021"), 100)),
    cells,
    cellsShareOfRefined: ratio(sum(v.li_chn_to_cells, v.li_market_to_cells), refined),
    nonBattery: v.li_non_battery ?? null,
    consumption,
    batteryShareUsgs,
    batteriesUsgs: consumption === null || batteryShareUsgs === null ? null : consumption * batteryShareUsgs,
    cellsShareOfConsumption: ratio(cells, consumption),
    supplyOverConsumption: mined === null || consumption === null ? null : mined - consumption,
    worldOutputSameEdition,
    supplyOverConsumptionSameEdition: worldOutputSameEdition === null || consumption === null ? null : worldOutputSameEdition - consumption
  };
}

export interface NickelDifferences {
  /** The paper's share of first-use inputs from scrap applied to its first use, kt Ni. */
  scrapInputsPaper: number | null;
  /** Recycled scrap as a share of mine output plus recycled scrap, in the model (0-1). */
  scrapShareModel: number | null;
  /** Stock change at first-use fabrication and its standard deviation, kt Ni. */
  fabricationStock: number | null;
  fabricationStockSd: number | null;
}

/** The nickel comparisons: scrap in first use, paper against model, and the stock change at fabrication. */
export function nickelDifferences(result: Pick<ModelResult, "values" | "stocks">, mined: number | null, paper: ReadonlyMap<string, number>): NickelDifferences {
  const scrap = result.values.ni_recycled_scrap;
  const stock = result.stocks.find((s) => s.process === "ni_fabrication");
  const share = paper.get("ni_scrap_input_share_2021");
  const firstUse = paper.get("ni_first_use_2021");
  return {
    scrapInputsPaper: share === undefined || firstUse === undefined ? null : (share / 100) * firstUse,
    scrapShareModel: ratio(scrap, sum(scrap, mined)),
    fabricationStock: stock?.value ?? null,
    fabricationStockSd: stock?.sd ?? null
  };
}

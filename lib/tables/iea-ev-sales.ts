import {IEA_EV_FILE, parseIeaEvSales, type EvSalesRow} from "../sources/iea-ev.js";
import {defineTable} from "./define.js";

export const IEA_EV_SOURCE = {
  path: IEA_EV_FILE,
  title: "IEA Global EV Data Explorer, 2024 edition",
  citation: "IEA (2024). Global EV Data Explorer. International Energy Agency, Paris. https://www.iea.org/data-and-statistics/data-tools/global-ev-data-explorer",
  licence: "CC BY 4.0",
  edition: "2024"
};

export const ieaEvSalesTable = defineTable<EvSalesRow>({
  name: "iea_ev_sales",
  title: "Electric-car sales by region and powertrain, 2010-2023 (IEA)",
  description:
    "Historical sales of electric cars by region and powertrain (battery-electric BEV, plug-in hybrid PHEV, fuel-cell FCEV), in vehicles, from the IEA's Global EV Data Explorer. Regions include countries and the IEA's aggregates World, Europe, EU27 (inside Europe) and Rest of the world: sum one level only. Values are rounded to two significant figures by the IEA.",
  sources: [IEA_EV_SOURCE],
  key: ["region", "powertrain", "year"],
  minRows: 1000,
  columns: {
    region: {type: "utf8", description: "Country or IEA aggregate (World, Europe, EU27, Rest of the world)"},
    powertrain: {type: "utf8", description: "BEV, PHEV or FCEV"},
    year: {type: "int32", description: "Year of sale"},
    vehicles: {type: "float64", unit: "vehicles", description: "Cars sold"}
  },
  build(read) {
    return parseIeaEvSales(read(IEA_EV_FILE), IEA_EV_FILE);
  }
});

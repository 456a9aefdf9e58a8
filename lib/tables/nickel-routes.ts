import {parseNickelRoutes, type NickelRoute} from "../sources/nickel-routes.js";
import {parsePaperValues} from "../sources/paper-values.js";
import {defineTable} from "./define.js";
import {MFA_SOURCE} from "./mfa-processes.js";
import {PAPER_VALUES_FILE} from "./paper-values.js";

const FILE = "mfa/nickel_routes.csv";

export const nickelRoutesTable = defineTable<NickelRoute>({
  name: "nickel_routes",
  title: "Main routes of nickel mining and refining (the paper's Figure 8)",
  description:
    "The main industrial routes from nickel ore (laterite, saprolite or limonite; sulphide; scrap) through a process (RKEF, blast furnace, HPAL, Caron, matte smelting, remelting) and an intermediate (matte, MHP) to a product (NPI and ferronickel, nickel metal, nickel sulphate, oxide) and a first use, each with its sources. Where the paper states a product's 2021 output or a first use's share, the row names that figure in paper_values; no source splits 2021 output by route.",
  sources: [
    {
      ...MFA_SOURCE,
      path: FILE,
      title: "Main routes of nickel processing, compiled from the metallurgical literature",
      citation:
        "Compiled for this project from Crundwell, F. K., Moats, M. S., Ramachandran, V., Robinson, T. G. and Davenport, W. G. (2011), Extractive Metallurgy of Nickel, Cobalt and Platinum Group Metals, Elsevier; and IEA (2021), The Role of Critical Minerals in Clean Energy Transitions, Paris; after the working paper's Figure 8."
    }
  ],
  key: ["route"],
  minRows: 5,
  columns: {
    route: {type: "utf8", description: "Route id"},
    ore: {type: "utf8", description: "Ore type or secondary source"},
    process: {type: "utf8", description: "Main process"},
    intermediate: {type: "utf8", description: "Intermediate product between process and product (matte, MHP); null when the process makes the product"},
    product: {type: "utf8", description: "Product of the route"},
    first_use: {type: "utf8", description: "First use the product mainly goes to"},
    product_paper_id: {type: "utf8", description: "Paper figure giving the product's 2021 output (paper_values.id); null if none"},
    first_use_paper_id: {type: "utf8", description: "Paper figure giving the first use's share of 2021 first use; null if none"},
    source: {type: "utf8", description: "Where the route is described"},
    note: {type: "utf8", description: "What the route stands for"}
  },
  build(read) {
    return parseNickelRoutes(read(FILE), FILE, parsePaperValues(read(PAPER_VALUES_FILE), PAPER_VALUES_FILE));
  }
});

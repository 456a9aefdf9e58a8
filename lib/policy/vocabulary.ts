/**
 * The vocabularies of the policy pages: the classes the IEA policy types are counted in (the
 * classification itself is data: data/sources/policies/miners_policy_type_classes.csv), the IEA's
 * statuses and jurisdiction levels, and the shocks and mitigation strategies of the paper's Table 1.
 * Each term has a stable id (what a table cell holds), a label (what a page shows) and a
 * definition. Pure data, with no imports, so that pages can use the labels without the parsers.
 * The paper names its classes (governance and strategy, environmental and social standards,
 * regulatory and permitting reforms, financial support, recycling, international arrangements) but
 * does not publish their full list; the other three are the site's.
 */

/** A term of a vocabulary. */
export interface Term<Id extends string = string> {
  id: Id;
  label: string;
  definition: string;
}

/** The classes, in the order the charts list them. Each IEA policy type is given one. */
export const POLICY_CLASSES = [
  {
    id: "governance_strategy",
    label: "Governance and strategy",
    definition: "Strategies, plans, lists of critical minerals, public bodies and framework laws that set direction rather than a single instrument."
  },
  {
    id: "environmental_social",
    label: "Environmental and social standards",
    definition: "Rules on the environmental, social and governance performance of mining and processing, traceability and disclosure, and benefit sharing."
  },
  {
    id: "regulatory_permitting",
    label: "Regulatory and permitting reforms",
    definition: "Changes to approvals, licensing, tenure and the fiscal terms of mining."
  },
  {
    id: "financial_support",
    label: "Financial support",
    definition: "Public money for projects and firms: investment, loans, grants, guarantees and tax incentives."
  },
  {
    id: "recycling_circularity",
    label: "Recycling and circularity",
    definition: "Measures on secondary materials: recycling, producer responsibility, recovery from wastes and the movement of scrap."
  },
  {
    id: "trade_measures",
    label: "Trade measures",
    definition: "Measures on the cross-border flow of minerals and their products."
  },
  {
    id: "stockpiling_security",
    label: "Stockpiling and supply security",
    definition: "Buffers and crisis tools: stockpiles, strategic reserves, joint purchasing, early warning and emergency powers."
  },
  {
    id: "research_innovation",
    label: "Research, innovation and skills",
    definition: "Knowledge: research and development, geological survey and data, skills."
  },
  {
    id: "international_arrangement",
    label: "International arrangements",
    definition: "Cooperation between governments: partnerships, agreements, memoranda, joint statements and joint projects. Every such measure has international scope."
  }
] as const satisfies readonly Term[];

export type PolicyClassId = (typeof POLICY_CLASSES)[number]["id"];

/** The class of international arrangements. */
export const INTERNATIONAL_CLASS: PolicyClassId = "international_arrangement";

/** The IEA's statuses, as it writes them. */
export const STATUSES = [
  {id: "In force", label: "In force", definition: "Adopted and in effect (the paper's \"implemented\")."},
  {id: "Announced", label: "Announced", definition: "Made public but not yet in effect."},
  {id: "Ended", label: "Ended", definition: "No longer in effect: expired, repealed or completed."}
] as const satisfies readonly Term[];

/** The IEA's jurisdiction levels, as it writes them. */
export const LEVELS = [
  {id: "National", label: "National", definition: "Adopted by a national government."},
  {id: "International", label: "International", definition: "Agreed between governments, or adopted by the EU for its members when the IEA files it so."},
  {id: "Regional", label: "Regional", definition: "Adopted by a regional organisation (the EU)."},
  {id: "State/Provincial", label: "State or provincial", definition: "Adopted by a state, province or territory."}
] as const satisfies readonly Term[];

/** A main type of shock of the paper's Table 1; the label is the printed wording. */
export interface Shock extends Term {
  /** Position in Table 1. */
  order: number;
}

/** The eight main types of shock of Table 1, in its order, worded as printed. */
export const SHOCKS = [
  {id: "geological", order: 1, label: "Geological concentration/ reserve level", definition: "Supply limited or concentrated by where the reserves are."},
  {id: "geopolitical", order: 2, label: "Geopolitical stability", definition: "Supply at risk from conflict, sanctions or unstable or unfriendly suppliers."},
  {id: "demand_supply", order: 3, label: "Sudden changes in demand/ supply", definition: "Abrupt swings in demand or supply."},
  {id: "social_licence", order: 4, label: "Social licence to operate", definition: "Operations stopped or delayed by the opposition of communities or society."},
  {id: "economic", order: 5, label: "Economic shocks", definition: "Price spikes or collapses, recessions, financial shocks."},
  {id: "natural_hazards", order: 6, label: "Natural disasters, env hazards", definition: "Floods, droughts, earthquakes, accidents and other environmental hazards."},
  {id: "logistics", order: 7, label: "Logistics and distribution", definition: "Disruption of transport and distribution."},
  {id: "policy_induced", order: 8, label: "Policy induced supply/ demand changes", definition: "Supply or demand changed by other governments' policies, such as export controls."}
] as const satisfies readonly Shock[];

export type ShockId = (typeof SHOCKS)[number]["id"];

/** A mitigation strategy of Table 1, with the shocks it is listed under. */
export interface Strategy extends Term {
  shocks: readonly ShockId[];
}

/**
 * The mitigation strategies of Table 1, one term per distinct printed wording, with every shock
 * it is printed under ("Alternative supply sources" under three). Labels are as printed.
 */
export const STRATEGIES = [
  {id: "secondary_markets", label: "Promotion of secondary markets for secondary materials", shocks: ["geological", "geopolitical"], definition: "Markets for recycled and recovered materials."},
  {id: "take_back", label: "Remanufacturing and take back systems", shocks: ["geological", "geopolitical"], definition: "Products taken back, remanufactured or collected for recycling."},
  {id: "innovation_substitution", label: "Innovation and material substitution", shocks: ["geological"], definition: "Research and innovation that reduce or replace the use of a mineral."},
  {id: "mining_technologies", label: "Mining technologies", shocks: ["geological"], definition: "Technology to mine lower grades, new deposit types or wastes."},
  {id: "alternative_supply", label: "Alternative supply sources", shocks: ["geological", "geopolitical", "natural_hazards"], definition: "New mines, refineries or suppliers, at home or abroad."},
  {id: "international_cooperation", label: "International cooperation/ alliances", shocks: ["geopolitical"], definition: "Partnerships and agreements between governments."},
  {id: "flexible_production", label: "Flexible extraction/ production/manufacturing", shocks: ["demand_supply"], definition: "Capacity that can be scaled or switched quickly."},
  {id: "esg_requirements", label: "ESG requirements", shocks: ["social_licence"], definition: "Environmental, social and governance standards and their enforcement."},
  {id: "net_benefit", label: "Net benefit", shocks: ["social_licence"], definition: "Sharing the benefits of mining with host communities and countries."},
  {id: "stockpiling", label: "Stockpiling", shocks: ["economic"], definition: "Stockpiles and strategic reserves."},
  {id: "supply_agreements", label: "Supply agreements", shocks: ["economic"], definition: "Long-term offtake and supply contracts."},
  {id: "secondary_price_buffer", label: "Secondary materials can help to smooth price shocks of primary production", shocks: ["economic"], definition: "Secondary supply used to damp primary price swings."},
  {id: "esg_value", label: "ESG as value creation", shocks: ["economic"], definition: "ESG performance as a source of value (premiums, market access)."},
  {id: "secondary_materials", label: "Secondary materials", shocks: ["natural_hazards"], definition: "Secondary materials as a supply independent of mine sites."},
  {id: "industrial_clusters", label: "Industrial clusters", shocks: ["logistics"], definition: "Co-located stages of the chain."},
  {id: "infrastructure_sharing", label: "Infrastructure sharing and transport hubs", shocks: ["logistics"], definition: "Shared infrastructure, corridors and hubs."},
  {id: "secondary_buffers", label: "Secondary markets act as buffers", shocks: ["policy_induced"], definition: "Secondary markets buffering policy-driven swings."},
  {id: "domestic_capacity", label: "Policies highlight important of maintaining some domestic capacity", shocks: ["policy_induced"], definition: "Keeping some capacity at home against other governments' policies."}
] as const satisfies readonly Strategy[];

export type StrategyId = (typeof STRATEGIES)[number]["id"];


/**
 * The items of a list cell of the policy tables (countries, classes, statuses, technologies,
 * strategies), which join them with ";": none for a missing cell. The tables write each item
 * without spaces, so the cell is split as it is, with nothing trimmed or dropped.
 */
export function splitList(cell: string | null | undefined): string[] {
  return cell === null || cell === undefined ? [] : cell.split(";");
}

/** Label of a term by id, or the id itself when the vocabulary does not have it. */
export function labelOf(vocabulary: readonly Term[], id: string | null): string {
  if (id === null) return "not given";
  return vocabulary.find((t) => t.id === id)?.label ?? id;
}


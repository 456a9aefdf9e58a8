/**
 * The classification vocabularies of the MINERS policy schema (lib/policy/schema.ts): each is a
 * list of terms with a stable id (what a CSV cell holds), a label (what a page shows) and a
 * definition (what a classifier decides by). Pure data, with no imports, so that pages can use the
 * labels without loading the parser. The working paper names its classes (intervention type and
 * sub-type, jurisdictional scope, implementation status, thematic orientation) but does not publish
 * their lists; these lists are the site's, built around the classes the paper reports (governance
 * and strategy, environmental and social standards, regulatory and permitting reforms, financial
 * support, recycling, international arrangements). The shocks and strategies are those of the
 * paper's Table 1, worded as printed; the capacities those of its Table 2.
 */

/** A term of a vocabulary. */
export interface Term<Id extends string = string> {
  id: Id;
  label: string;
  definition: string;
}

/** An intervention type with the sub-types that refine it. */
export interface InterventionType extends Term {
  subtypes: readonly Term[];
}

/**
 * Intervention types and sub-types. A measure has one type, its main instrument, and one sub-type
 * of that type; a measure mixing instruments is classed by the one it spends or enforces most.
 */
export const INTERVENTION_TYPES = [
  {
    id: "governance_strategy",
    label: "Governance and strategy",
    definition: "Strategies, plans, lists of critical minerals, public bodies and framework laws that set direction rather than a single instrument.",
    subtypes: [
      {id: "strategy_plan", label: "Strategy or action plan", definition: "A national or regional strategy, roadmap, mission or action plan."},
      {id: "critical_mineral_list", label: "Critical or strategic mineral list", definition: "An official list of critical, strategic or watch-list minerals."},
      {id: "institution", label: "Public body or council", definition: "A new agency, council, centre or task force."},
      {id: "framework_law", label: "Framework law", definition: "A law setting the general framework of the minerals sector."}
    ]
  },
  {
    id: "environmental_social",
    label: "Environmental and social standards",
    definition: "Rules on the environmental, social and governance performance of mining and processing, traceability and disclosure, and benefit sharing.",
    subtypes: [
      {id: "esg_standard", label: "Environmental or social standard", definition: "A performance requirement: emissions, water, rehabilitation, labour, due diligence."},
      {id: "traceability_transparency", label: "Traceability and transparency", definition: "Disclosure, reporting, traceability or anti-corruption rules and systems."},
      {id: "community_benefit", label: "Community benefit and local content", definition: "Benefit sharing, local employment or procurement, consent of affected communities."}
    ]
  },
  {
    id: "regulatory_permitting",
    label: "Regulatory and permitting reforms",
    definition: "Changes to approvals, licensing, tenure and the fiscal terms of mining.",
    subtypes: [
      {id: "permitting", label: "Permitting and approvals", definition: "Faster, simpler or prioritised approval of projects."},
      {id: "licensing_tenure", label: "Licensing, tenure and ownership", definition: "Mining codes, licences, auctions, tenure and rules on who may own mineral assets."},
      {id: "fiscal_regime", label: "Royalties and mining taxation", definition: "The royalty and tax regime of mining as a whole."}
    ]
  },
  {
    id: "financial_support",
    label: "Financial support",
    definition: "Public money for projects and firms: investment, loans, grants, guarantees and tax incentives.",
    subtypes: [
      {id: "public_investment", label: "Public investment and equity", definition: "Public funds, development banks or agencies investing in projects or firms."},
      {id: "loans_grants", label: "Loans, grants and guarantees", definition: "Debt, grants, subsidies or guarantees for projects."},
      {id: "tax_incentive", label: "Tax incentives and duty exemptions", definition: "Tax credits, holidays, exemptions and customs duty relief."},
      {id: "production_incentive", label: "Production-linked incentives", definition: "Payments or credits tied to output or sales."}
    ]
  },
  {
    id: "recycling_circularity",
    label: "Recycling and circularity",
    definition: "Measures on secondary materials: recycling, producer responsibility, recovery from wastes and the movement of scrap.",
    subtypes: [
      {id: "recycling_support", label: "Support for recycling", definition: "Funding or incentives for recycling capacity."},
      {id: "producer_responsibility", label: "Producer responsibility and targets", definition: "Extended producer responsibility, collection and recycled-content targets."},
      {id: "secondary_recovery", label: "Recovery from mine waste and tailings", definition: "Rules or programmes to recover minerals from tailings, dumps and other wastes."},
      {id: "waste_shipment", label: "Rules on waste and scrap shipments", definition: "Classification and control of waste, scrap or black-mass shipments."}
    ]
  },
  {
    id: "trade_measures",
    label: "Trade measures",
    definition: "Measures on the cross-border flow of minerals and their products.",
    subtypes: [
      {id: "export_licensing", label: "Export licensing and controls", definition: "Exports allowed only under licence or permit."},
      {id: "export_ban", label: "Export ban or suspension", definition: "Exports prohibited, for a time or for good."},
      {id: "export_quota", label: "Export quota", definition: "Exports capped by volume."},
      {id: "export_proceeds", label: "Rules on export proceeds", definition: "Obligations to keep or convert export earnings at home."},
      {id: "import_measure", label: "Import tariffs and controls", definition: "Tariffs, quotas or controls on imports."}
    ]
  },
  {
    id: "stockpiling_security",
    label: "Stockpiling and supply security",
    definition: "Buffers and crisis tools: stockpiles, strategic reserves, joint purchasing, early warning and emergency powers.",
    subtypes: [
      {id: "stockpile", label: "Stockpile or strategic reserve", definition: "Public or mandated holdings of minerals, or rights to production held in reserve."},
      {id: "crisis_mechanism", label: "Early warning and crisis powers", definition: "Monitoring, early warning, and powers to allocate supply or control prices in a crisis."},
      {id: "joint_purchasing", label: "Joint purchasing", definition: "Aggregated buying of minerals by or for several buyers."}
    ]
  },
  {
    id: "research_innovation",
    label: "Research, innovation and skills",
    definition: "Knowledge: research and development, geological survey and data, skills.",
    subtypes: [
      {id: "rd_funding", label: "Research and development", definition: "Funding of research, development and demonstration."},
      {id: "geoscience", label: "Geological survey and data", definition: "Mapping, characterisation of resources and public geological data."},
      {id: "skills", label: "Skills and training", definition: "Education and training for the sector."}
    ]
  },
  {
    id: "international_arrangement",
    label: "International arrangements",
    definition: "Cooperation between governments: partnerships, agreements, memoranda, joint statements and joint projects. Every such measure has international scope.",
    subtypes: [
      {id: "plurilateral_partnership", label: "Plurilateral partnership", definition: "A standing partnership of three or more parties."},
      {id: "bilateral_agreement", label: "Agreement", definition: "A signed agreement with commitments, such as a trade or partnership agreement."},
      {id: "bilateral_mou", label: "Memorandum or strategic partnership", definition: "A memorandum of understanding, framework or strategic partnership without binding commitments."},
      {id: "joint_statement", label: "Joint statement", definition: "A declaration or statement of intent to cooperate."},
      {id: "joint_project", label: "Joint project or co-financing", definition: "Governments financing or buying from one project together."},
      {id: "accession", label: "Accession to an initiative", definition: "A party joining an existing initiative; recorded with part_of, counted as participation, not as a new measure."}
    ]
  }
] as const satisfies readonly InterventionType[];

export type InterventionTypeId = (typeof INTERVENTION_TYPES)[number]["id"];

/** The type whose measures are international initiatives. */
export const INTERNATIONAL_TYPE: InterventionTypeId = "international_arrangement";
/** The sub-type of a row that records a party joining an initiative (with part_of). */
export const ACCESSION_SUBTYPE = "accession";

/** Who adopted a measure, and for whom. */
export const SCOPES = [
  {id: "national", label: "National", definition: "Adopted by a national government for its territory."},
  {id: "subnational", label: "Subnational", definition: "Adopted by a state, province or territory (given in subdivision, ISO 3166-2)."},
  {id: "regional", label: "Regional (EU)", definition: "Adopted by a regional organisation for its members: the European Union."},
  {id: "international", label: "International", definition: "Agreed between two or more governments (the parties)."}
] as const satisfies readonly Term[];

export type ScopeId = (typeof SCOPES)[number]["id"];

/** Implementation status. A blank status is not known and stays missing. */
export const STATUSES = [
  {id: "announced", label: "Announced", definition: "Made public but not yet adopted or in effect."},
  {id: "planned", label: "Planned", definition: "Adopted, with a date of effect still to come."},
  {id: "implemented", label: "Implemented", definition: "Adopted and in effect (the IEA's \"In force\")."},
  {id: "ended", label: "Ended", definition: "No longer in effect: expired, repealed or completed."},
  {id: "superseded", label: "Superseded", definition: "Replaced by a later measure (a list replaced by its update)."}
] as const satisfies readonly Term[];

export type StatusId = (typeof STATUSES)[number]["id"];

/** Thematic orientation: the main aim of a measure, one per measure. */
export const THEMES = [
  {id: "supply_security", label: "Supply security and diversification", definition: "Secure and diversify supply: new sources, partners, reserves."},
  {id: "domestic_value_addition", label: "Domestic industry and value addition", definition: "Build processing, refining and manufacturing at home."},
  {id: "investment_exploration", label: "Investment and exploration", definition: "Attract capital to exploration and mining through terms, approvals and information."},
  {id: "market_control", label: "Market and export control", definition: "Control what leaves the country and at what price."},
  {id: "sustainability", label: "Environmental and social sustainability", definition: "Improve the environmental and social performance of the sector."},
  {id: "circular_economy", label: "Circular economy", definition: "Keep materials in use: recycling, recovery, secondary markets."},
  {id: "innovation", label: "Research and innovation", definition: "Create knowledge, technology and skills."},
  {id: "transparency_governance", label: "Transparency and governance", definition: "Make the sector transparent and accountable."}
] as const satisfies readonly Term[];

export type ThemeId = (typeof THEMES)[number]["id"];

/** Stages of the value chain a measure acts on; several may apply. */
export const VALUE_CHAIN_STAGES = [
  {id: "exploration", label: "Exploration", definition: "Finding and delineating deposits."},
  {id: "extraction", label: "Extraction", definition: "Mining and concentration."},
  {id: "processing", label: "Processing and refining", definition: "Separation, refining and chemical conversion."},
  {id: "manufacturing", label: "Manufacturing", definition: "Components and products: cells, magnets, equipment."},
  {id: "end_of_life", label: "End of life and recycling", definition: "Collection, recycling and recovery from wastes."},
  {id: "whole_chain", label: "Whole value chain", definition: "The chain as a whole, with no stage singled out."}
] as const satisfies readonly Term[];

export type StageId = (typeof VALUE_CHAIN_STAGES)[number]["id"];

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
 * The resilience capacities of the paper's Table 2. A measure is classed by what it does: it
 * anticipates when it lowers exposure before a shock (diversification, lists, monitoring); it
 * absorbs when it adds buffers or spare capacity (stockpiles, domestic capacity); it adapts when it
 * widens the options during a shock (recycling, substitution, flexible supply); it helps recovery
 * when it restores supply after one (emergency powers, restart support).
 */
export const CAPACITIES = [
  {id: "anticipation", label: "Anticipation (risk exposure)", definition: "Lowers exposure before a shock: diversification, lists, monitoring."},
  {id: "absorption", label: "Absorption (robustness)", definition: "Buffers a shock: stockpiles, reserves, spare or domestic capacity."},
  {id: "adaptation", label: "Adaptation (flexibility)", definition: "Widens the options during a shock: recycling, substitution, rerouting."},
  {id: "recovery", label: "Recovery (bounce-back)", definition: "Restores supply after a shock: emergency allocation, restart support."}
] as const satisfies readonly Term[];

export type CapacityId = (typeof CAPACITIES)[number]["id"];

/** Label of a term by id, or the id itself when the vocabulary does not have it. */
export function labelOf(vocabulary: readonly Term[], id: string | null): string {
  if (id === null) return "not given";
  return vocabulary.find((t) => t.id === id)?.label ?? id;
}

/** Every sub-type, with the type it belongs to. */
export const SUBTYPES: readonly (Term & {type: InterventionTypeId})[] = INTERVENTION_TYPES.flatMap((t) => t.subtypes.map((s) => ({...s, type: t.id})));

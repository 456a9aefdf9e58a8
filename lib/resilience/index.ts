/**
 * Resilience metrics of the paper's Table 2: the public API of lib/resilience. Pure functions
 * (no DOM, no I/O) usable from Node and the browser; see each module for formulas and sources.
 */
export {hhi, shares, topShare, effectiveSuppliers, TOTAL_TOLERANCE, type Supply} from "./concentration.js";
export {present, missing, isMissing, missingInputs, numberOf, type Present, type Missing, type Result, type MaybeNumber} from "./result.js";
export {randomInt, seededRandom, shuffle, shuffleIndices, type Random} from "../random.js";
export {
  indexNetwork,
  nodeIndex,
  undirectedAdjacency,
  type Network,
  type NetworkNode,
  type NetworkEdge,
  type IndexedNetwork
} from "./network.js";
export {WGI_MIN, WGI_MAX, wgiAverage, wgiRisk, hhiWgi, supplyRisk, type GovernedSupply, type SupplyRiskInputs} from "./governance.js";
export {DAYS_PER_YEAR, stockpileCoverage, spareCapacityShare, type StockpileInputs} from "./absorption.js";
export {substitutabilityShare, pathRedundancy, type SubstitutabilityInputs, type PathRedundancyOptions} from "./adaptation.js";
export {
  loadHighs,
  buildTimeToSurviveLp,
  buildLostSalesLp,
  timeToSurvive,
  performanceImpact,
  type SupplyNode,
  type SupplyEdge,
  type SupplyNetwork,
  type LpSolver,
  type LpSolution,
  type DisruptionOptions,
  type LostSalesLp,
  type LostSalesOptions,
  type PerformanceImpact,
  type PerformanceImpactOptions
} from "./recovery.js";
export {
  percolation,
  giantComponentCurve,
  type RemovalStrategy,
  type PercolationOptions,
  type PercolationResult
} from "./percolation.js";
export {
  normaliseWeights,
  normalise,
  compositeIndex,
  compositeSensitivity,
  type Direction,
  type Indicator,
  type Normalisation,
  type Aggregation,
  type MissingPolicy,
  type CompositeUnit,
  type CompositeOptions,
  type UnitScore,
  type CompositeResult,
  type SensitivityOptions,
  type RankDistribution,
  type SensitivityResult
} from "./composite.js";

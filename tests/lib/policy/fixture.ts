/**
 * A small policy dataset as rows of the published tables (policies, policy_countries,
 * policy_types, policy_participation), whose statistics are worked by hand in the tests.
 *
 *   record  year  status     countries      types (class, weight)
 *   p1      2017  In force   USA            governance 1
 *   p2      2021  In force   USA, CAN, AUS  governance 1/3, financial 1/3, financial 1/3
 *   p3      2020  Announced  AUS            recycling 1/2, financial 1/2
 *   p4      2018  Ended      AUS, EU, USA   regulatory 1
 *   p5      2023  In force   EU, USA        international 1
 *
 * Countries: USA 4, AUS 3, EU 2, CAN 1 (10 mentions). Types: 8 (governance 2, financial 3,
 * recycling 1, regulatory 1, international 1). Initiatives: i2 (2019: EU, AUS), i4 (2020: USA,
 * JPN), i1 (2022: USA, JPN, AUS), i3 (2023: USA, JPN), i5 (2024: USA), so USA 4, JPN 3, AUS 2,
 * EU 1 and Canada none.
 */

export const RECORDS = [
  {policy_id: "p1", year: 2017, status: "In force"},
  {policy_id: "p2", year: 2021, status: "In force"},
  {policy_id: "p3", year: 2020, status: "Announced"},
  {policy_id: "p4", year: 2018, status: "Ended"},
  {policy_id: "p5", year: 2023, status: "In force"}
];

export const COUNTRIES = [
  {policy_id: "p1", country: "USA"},
  {policy_id: "p2", country: "USA"},
  {policy_id: "p2", country: "CAN"},
  {policy_id: "p2", country: "AUS"},
  {policy_id: "p3", country: "AUS"},
  {policy_id: "p4", country: "AUS"},
  {policy_id: "p4", country: "EU"},
  {policy_id: "p4", country: "USA"},
  {policy_id: "p5", country: "EU"},
  {policy_id: "p5", country: "USA"}
];

export const TYPES = [
  {policy_id: "p1", miners_class: "governance_strategy", weight: 1},
  {policy_id: "p2", miners_class: "governance_strategy", weight: 1 / 3},
  {policy_id: "p2", miners_class: "financial_support", weight: 1 / 3},
  {policy_id: "p2", miners_class: "financial_support", weight: 1 / 3},
  {policy_id: "p3", miners_class: "recycling_circularity", weight: 1 / 2},
  {policy_id: "p3", miners_class: "financial_support", weight: 1 / 2},
  {policy_id: "p4", miners_class: "regulatory_permitting", weight: 1},
  {policy_id: "p5", miners_class: "international_arrangement", weight: 1}
];

const party = (initiative_id: string, first_year: number, parties: string[]) => parties.map((p) => ({initiative_id, first_year, party: p}));

export const PARTICIPATION = [
  ...party("i2", 2019, ["EU", "AUS"]),
  ...party("i4", 2020, ["USA", "JPN"]),
  ...party("i1", 2022, ["USA", "JPN", "AUS"]),
  ...party("i3", 2023, ["USA", "JPN"]),
  ...party("i5", 2024, ["USA"])
];

// A Frictionless Tabular Data Package (v1) describing the CSV downloads of every table.
import type {ColumnType} from "../../lib/arrow-snapshot.js";
import {catalogEntries} from "./catalog-entries.js";

const FIELD_TYPES: Record<ColumnType, string> = {utf8: "string", int32: "integer", float64: "number", bool: "boolean"};

const entries = catalogEntries();
const descriptor = {
  profile: "tabular-data-package",
  name: "miners-live-working-paper",
  title: "MINERS live working paper: data tables",
  description: "The tables behind the MINERS live working paper on the resilience of critical-mineral supply chains, built from public sources.",
  homepage: "../",
  licenses: [{name: "other-at", title: "Each resource keeps the licence of its sources; see each resource's sources."}],
  resources: entries.map((entry) => {
    const csv = entry.files.find((f) => f.format === "csv")!;
    return {
      profile: "tabular-data-resource",
      name: entry.name,
      path: csv.path,
      title: entry.title,
      description: entry.description,
      format: "csv",
      mediatype: csv.mediatype,
      encoding: "utf-8",
      bytes: csv.bytes,
      hash: `sha256:${csv.sha256}`,
      sources: entry.sources.map((s) => ({title: s.citation, ...(s.url ? {path: s.url} : {})})),
      licenses: [...new Set(entry.sources.map((s) => s.licence))].map((title) => ({title})),
      schema: {
        fields: entry.columns.map((c) => ({name: c.name, type: FIELD_TYPES[c.type], description: c.unit ? `${c.description} (unit: ${c.unit})` : c.description})),
        primaryKey: entry.key,
        missingValues: [""]
      }
    };
  })
};
process.stdout.write(JSON.stringify(descriptor, null, 2) + "\n");
console.error(`datapackage.json: ${descriptor.resources.length} resources`);

// The classification note with the classification itself as a table, read from the CSV the build uses.
import {readFileSync} from "node:fs";
import {parseTypeClasses} from "../../../lib/sources/policy-type-classes.js";
import {POLICY_CLASSES, STRATEGIES, labelOf} from "../../../lib/policy/vocabulary.js";

const FILE = "policies/miners_policy_type_classes.csv";
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const text = readFileSync("data/sources/policies/CLASSIFICATION.md", "utf-8").replace(/^# .*\n/, "");
const rows = parseTypeClasses(readFileSync(`data/sources/${FILE}`, "utf-8"), FILE).map(({row: c}) =>
  `| ${cell(c.topic)} | ${cell(c.family)} | ${cell(c.type)} | ${cell(c.category ?? "")} | ${cell(labelOf(POLICY_CLASSES, c.miners_class))} | ${cell(c.strategies.map((s) => labelOf(STRATEGIES, s)).join("; "))} | ${cell(c.note)} |`
);
process.stdout.write(`---
title: The policy records and their classification
---

# The policy records and their classification

<p class="muted">From <code>data/sources/policies/CLASSIFICATION.md</code> and <code>${FILE}</code>, kept with the raw files in the site's repository; the classification is also the table <code>policy_type_classes</code>.</p>
${text}
| Topic | Family | Type | Category | Class | Table 1 strategies | Why |
|---|---|---|---|---|---|---|
${rows.join("\n")}
`);

// One table of lib/tables as an Arrow IPC stream (--table=<name>), for pages not yet reading the
// tables archive (../data/tables/<name>.arrow).
import {parseArgs} from "node:util";
import {toArrowStream} from "../../lib/arrow-snapshot.js";
import {arrowSchema, buildTable} from "../../lib/table.js";
import {findTable} from "../../lib/tables/index.js";
import {readSource} from "./publish.js";

const {values} = parseArgs({options: {table: {type: "string"}}, strict: false});
const spec = findTable(values.table as string | undefined);
process.stdout.write(toArrowStream(buildTable(spec, readSource), arrowSchema(spec)));

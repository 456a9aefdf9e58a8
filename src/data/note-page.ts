// A page loader's body: one of the notes kept beside the raw sources (data/sources/*.md), published
// as a page of the site with a title, so that the sources themselves stay outside the site.
import {readFileSync} from "node:fs";

export function notePage(path: string, title: string): void {
  const text = readFileSync(`data/sources/${path}`, "utf-8").replace(/^# .*\n/, "");
  process.stdout.write(`---\ntitle: ${title}\n---\n\n# ${title}\n\n<p class="muted">From <code>data/sources/${path}</code>, kept with the raw files in the site's repository.</p>\n${text}`);
}

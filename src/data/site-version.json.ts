// The site's edition for citations: the git commit the build comes from and that commit's date
// (not the build's clock, so that the same commit always builds the same site).
import {execSync} from "node:child_process";

function edition(): {commit: string; short: string; date: string} {
  try {
    const [commit = "", short = "", date = ""] = execSync("git log -1 --format=%H%n%h%n%cs", {encoding: "utf-8", stdio: ["ignore", "pipe", "ignore"]}).trim().split("\n");
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error("no commit");
    return {commit, short, date};
  } catch {
    return {commit: "uncommitted", short: "uncommitted", date: ""};
  }
}

process.stdout.write(JSON.stringify(edition()) + "\n");

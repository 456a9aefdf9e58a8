import {tableFromIPC} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {checkPage, useSite} from "./chromium.ts";

// Runs against the built dist/ like site.test.ts; MINERS_ORIGIN points it at a running preview
// server instead (for an author checking the page before a build).
const site = useSite();
let origin: string;
let browser: Browser;
beforeAll(() => void ({origin, browser} = site));


const PAGE = "/pages/mapping";
const CLEAN = {consoleErrors: [], foreignRequests: [], failedRequests: [], cellErrors: [], pendingCells: 0};

/** A published table as served: the stable download path of a build, or the preview's file path. */
async function published<Row>(name: string): Promise<Row[]> {
  for (const path of [`/data/tables/${name}.arrow`, `/_file/data/tables/${name}.arrow`]) {
    const response = await fetch(origin + path);
    if (response.ok) return tableFromIPC(new Uint8Array(await response.arrayBuffer())).toArray().map((d) => d.toJSON() as Row);
  }
  throw new Error(`table ${name} is not served at ${origin}`);
}

async function withPage(test: (page: Page) => Promise<void>) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  try {
    await test(page);
  } finally {
    await page.close();
  }
}

const explorerCount = (page: Page) => page.locator("[data-explorer-count]").getAttribute("data-explorer-count");

/** The ISO3 cell of every row the explorer's table has rendered. */
async function explorerIso3(page: Page): Promise<string[]> {
  return page.locator("#explorer table").evaluate((table) => {
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
    const column = headers.indexOf("ISO3");
    return [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[column]?.textContent?.trim() ?? "");
  });
}

const selectedCountry = (page: Page) => page.getByLabel("Country", {exact: true}).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);

const FIGURES = ["fig-3", "fig-4a", "fig-4b", "fig-s23", "fig-s6", "fig-s7", "fig-7", "fig-t3", "fig-s8", "fig-s9"];

/** The sites drawn on a map figure (the dots of every site layer). */
function mapDots(page: Page, figure: string): Promise<number> {
  return page.locator(`${figure} svg.world-map-plot`).evaluate((svg) => ["site", "site-zero", "site-unknown"].reduce((n, c) => n + svg.querySelectorAll(`g.${c} > *`).length, 0));
}

describe("/pages/mapping", () => {
  it("opens with no console error, no foreign request, every cell settled, and no DuckDB-WASM", async () => {
    await withPage(async (page) => {
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      expect(await checkPage(page, origin + PAGE)).toEqual(CLEAN);
      expect(requests.filter((url) => /\.wasm(\?|$)|duckdb/i.test(url))).toEqual([]);
    });
  });

  it("every chart, map and the Table 3 explorer sits in a live figure with its tools", async () => {
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      const live = await page.locator("figure.live-figure").evaluateAll((figures) => figures.map((f) => f.id));
      expect([...live].sort()).toEqual([...FIGURES].sort());
      // Every drawn chart (an SVG wider than a legend swatch) and the explorer's table are inside one.
      const outside = await page.locator("#observablehq-main").evaluate((main) =>
        [...main.querySelectorAll("svg")].filter((svg) => Number(svg.getAttribute("width") ?? 0) > 100 && !svg.closest("figure.live-figure")).length
      );
      expect(outside).toBe(0);
      expect(await page.locator("#fig-t3 #explorer table").count()).toBe(1);
      for (const id of FIGURES) {
        const tools = await page.locator(`#${id} .figure-tools`).locator("button, a").evaluateAll((els) => els.map((e) => e.textContent));
        expect(tools, id).toEqual(id === "fig-t3" ? ["Query", "Data", "CSV", "Cite", "Link"] : ["Query", "Data", "SVG", "PNG", "CSV", "Cite", "Link"]);
      }
    });
  });

  it("an edited query redraws its figure, and the edit survives a change of the page's inputs", async () => {
    const sites = await published<{has_nickel: boolean; asset_type: string | null; iso3: string; confidence: string | null}>("sites");
    const idn = sites.filter((d) => d.has_nickel && /Mine/.test(d.asset_type ?? "") && d.iso3 === "IDN").length;
    expect(idn).toBeGreaterThan(0);
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      const figure = page.locator("#fig-4a");
      const dots = () => figure.locator("svg.world-map-plot g.site > *").count();
      expect(await dots()).toBeGreaterThan(idn);
      const rows = await figure.evaluate(async (el) => {
        const f = el as unknown as {runQuery(sql: string): Promise<unknown[]>};
        return (
          await f.runQuery(`SELECT *, CASE WHEN lower(coalesce(primary_commodity, '')) LIKE '%nickel%' THEN 'primary commodity' WHEN lower(coalesce(secondary_commodity, '')) LIKE '%nickel%' THEN 'secondary commodity' ELSE 'other commodity' END AS role
FROM sites WHERE has_nickel AND asset_type LIKE '%Mine%' AND iso3 = 'IDN' ORDER BY source_id`)
        ).length;
      });
      expect(rows).toBe(idn);
      await expect.poll(() => figure.getAttribute("data-state")).toBe("query");
      await expect.poll(dots).toBe(idn);
      // The page's inputs: the country (a highlight, no redraw) and a filter of this map (a redraw of the reader's rows).
      await page.getByLabel("Country", {exact: true}).selectOption({label: "Australia"});
      await expect.poll(() => new URL(page.url()).searchParams.get("country")).toBe("AUS");
      expect(await figure.getAttribute("data-state")).toBe("query");
      expect(await dots()).toBe(idn);
      await page.getByRole("checkbox", {name: "Very Low"}).uncheck();
      const kept = sites.filter((d) => d.has_nickel && /Mine/.test(d.asset_type ?? "") && d.iso3 === "IDN" && d.confidence !== "Very Low").length;
      await expect.poll(dots).toBe(kept);
      expect(await figure.getAttribute("data-state")).toBe("query");
    });
  });

  it("draws a point for every lithium site on Figure 3", async () => {
    const sites = await published<{has_lithium: boolean}>("sites");
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      const dots = await mapDots(page, "#fig-3");
      expect(dots).toBe(sites.filter((d) => d.has_lithium).length);
      expect(dots).toBe(240); // 160 Busch et al. deposits and 80 ICMM lithium sites
    });
  });

  it("choosing Indonesia filters the table to Indonesian rows only and keeps the choice in the URL", async () => {
    const sites = await published<{iso3: string}>("sites");
    const paper = await published<{country: string}>("paper_table3");
    const expected = sites.filter((d) => d.iso3 === "IDN").length + paper.filter((d) => d.country === "Indonesia").length;
    expect(expected).toBe(21); // 9 ICMM nickel sites and the paper's 12 rows
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      expect(Number(await explorerCount(page))).toBeGreaterThan(expected);
      await page.getByLabel("Country", {exact: true}).selectOption({label: "Indonesia"});
      await expect.poll(() => explorerCount(page)).toBe(String(expected));
      const iso3 = await explorerIso3(page);
      expect(iso3).toHaveLength(expected);
      expect(new Set(iso3)).toEqual(new Set(["IDN"]));
      await expect.poll(() => new URL(page.url()).searchParams.get("country")).toBe("IDN");
      // The other views follow: Indonesia outlined on the maps and in the data-gap matrix.
      expect(await page.locator("#fig-4a g.selected-country path").count()).toBe(1);
      expect(await page.locator("#fig-7 g.gap-selected rect").count()).toBe(18);
      expect(await page.locator("[data-selection]").getAttribute("data-selection")).toBe("IDN");
    });
  });

  it("reopening the URL of a view shows the same view", async () => {
    let url = "";
    let rows: string[] = [];
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      await page.getByLabel("Country", {exact: true}).selectOption({label: "Indonesia"});
      await page.getByLabel("Technology", {exact: true}).selectOption({label: "RKEF (5)"});
      await expect.poll(() => explorerCount(page)).toBe("5"); // rows 5, 9, 10, 11 and 12 of the paper's table
      await expect.poll(() => new URL(page.url()).searchParams.get("technology")).toBe("RKEF");
      url = page.url();
      rows = await explorerIso3(page);
    });
    await withPage(async (page) => {
      expect(await checkPage(page, url)).toEqual(CLEAN);
      expect(await selectedCountry(page)).toBe("Indonesia");
      expect(await explorerCount(page)).toBe("5");
      expect(await explorerIso3(page)).toEqual(rows);
      expect(page.url()).toBe(url);
    });
  });

  it("keeps the maps' own filters in the URL, so that a figure's Link reopens the map as it was left", async () => {
    let link = "";
    let dots = 0;
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      const fig3 = page.locator("figure#fig-3");
      const count = () => mapDots(page, "#fig-3");
      const before = await count();
      // Untick every resource type but brine, and size the dots by reserves.
      for (const type of ["Hard Rock", "Volcano-Sedimentary", "Other (Oilfield)", "Other (Geothermal)", "Other (In Situ)", "Other (Volcanic Rock)"]) {
        await page.getByRole("checkbox", {name: type, exact: true}).uncheck();
      }
      await page.getByRole("radio", {name: "Reserves (kt Li)"}).check();
      await expect.poll(() => new URL(page.url()).searchParams.get("li-size")).toBe("reserves_kt");
      expect(new URL(page.url()).searchParams.get("li-type")!.split(",")[0]).toBe("Brine");
      await expect.poll(count).toBeLessThan(before);
      dots = await count();
      await fig3.locator("a[data-tool=link]").focus();
      link = (await fig3.locator("a[data-tool=link]").getAttribute("href"))!;
    });
    expect(link).toMatch(/#fig-3$/);
    await withPage(async (page) => {
      expect(await checkPage(page, link)).toEqual(CLEAN);
      expect(await page.getByRole("checkbox", {name: "Hard Rock", exact: true}).isChecked()).toBe(false);
      expect(await page.getByRole("checkbox", {name: "Brine", exact: true}).isChecked()).toBe(true);
      expect(await page.getByRole("radio", {name: "Reserves (kt Li)"}).isChecked()).toBe(true);
      await expect.poll(() => mapDots(page, "#fig-3")).toBe(dots);
    });
  });

  it("a bad value in the URL shows a notice, is ignored, and the page works", async () => {
    await withPage(async (page) => {
      const report = await checkPage(page, `${origin}${PAGE}?country=ZZZ&technology=laser&set=paper`);
      expect(report).toEqual(CLEAN);
      const notice = await page.locator("[data-url-problems]").textContent();
      expect(notice).toContain("country=ZZZ");
      expect(notice).toContain("technology=laser");
      expect(await selectedCountry(page)).toBe("All countries");
      expect(await explorerCount(page)).toBe("12"); // the valid part of the link, set=paper, still applies
      await expect.poll(() => new URL(page.url()).search).toBe("?set=paper");
    });
  });

  it("clicking a country on a map selects it", async () => {
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      await page.locator("#fig-4a path[data-id='360']").dispatchEvent("click"); // Indonesia
      await expect.poll(() => selectedCountry(page)).toBe("Indonesia");
      await expect.poll(() => explorerCount(page)).toBe("21");
    });
  });

  it("the data-gap matrix equals the SQL counts and a count of the published table in Node", async () => {
    const sites = await published<Record<string, unknown>>("sites");
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      expect(await page.locator("[data-gap-agreement]").getAttribute("data-gap-agreement")).toBe("agree");
      const matrix = await page.locator("#fig-7 g.gap-cell rect").evaluateAll((rects) =>
        rects.map((r) => ({group: r.getAttribute("data-group")!, column: r.getAttribute("data-column")!, with: Number(r.getAttribute("data-with")), sites: Number(r.getAttribute("data-sites"))}))
      );
      const sql = await page.locator("table.sql-gaps tr[data-sql-group]").evaluateAll((trs) =>
        trs.flatMap((tr) => [...tr.querySelectorAll("td[data-column]")].map((td) => ({group: tr.getAttribute("data-sql-group")!, column: td.getAttribute("data-column")!, value: Number(td.textContent)})))
      );
      const sqlValue = new Map(sql.map((d) => [`${d.group}/${d.column}`, d.value]));
      const ofSites = matrix.filter((c) => c.group !== "TABLE3");
      expect(ofSites).toHaveLength(18 * new Set(sites.map((d) => d.iso3)).size + 18);
      for (const cell of ofSites) {
        expect(sqlValue.get(`${cell.group}/${cell.column}`), `${cell.group}/${cell.column}`).toBe(cell.with);
        expect(sqlValue.get(`${cell.group}/sites`)).toBe(cell.sites);
        const rows = cell.group === "ALL" ? sites : sites.filter((d) => d.iso3 === cell.group);
        expect(rows.filter((d) => d[cell.column] !== null && d[cell.column] !== undefined).length, `${cell.group}/${cell.column}`).toBe(cell.with);
      }
      // Counts worked from the sources: 489 sites, 329 of them ICMM with a confidence, none with a technology.
      const at = (group: string, column: string) => matrix.find((c) => c.group === group && c.column === column)!;
      expect(at("ALL", "name")).toMatchObject({with: 489, sites: 489});
      expect(at("ALL", "confidence").with).toBe(329);
      expect(at("ALL", "technology").with).toBe(0);
      expect(at("TABLE3", "technology")).toMatchObject({with: 10, sites: 12});
    });
  });

  it("Figure 3 redraws on the Andean plateau, lists every site there by name, and keeps the region in the URL", async () => {
    const sites = await published<{has_lithium: boolean; longitude: number | null; latitude: number | null; name: string}>("sites");
    const andes = sites.filter((d) => d.has_lithium && d.longitude !== null && d.latitude !== null && d.longitude >= -71.5 && d.longitude <= -64.5 && d.latitude >= -29 && d.latitude <= -17.5);
    expect(andes.length).toBe(49); // 37 Busch et al. deposits and 12 ICMM sites on the salars
    let url = "";
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      expect(await page.locator("[data-check=andes-sites]").textContent()).toBe(String(andes.length));
      const fig3 = page.locator("#fig-3");
      expect(await fig3.locator(".world-map").getAttribute("data-region")).toBe("world");
      await page.getByLabel("Region", {exact: true}).selectOption({label: "Andean plateau (Argentina, Bolivia, Chile)"});
      await expect.poll(() => fig3.locator(".world-map").getAttribute("data-region")).toBe("andes");
      await expect.poll(() => new URL(page.url()).searchParams.get("li-region")).toBe("andes");
      const list = fig3.locator(".region-sites");
      expect(await list.getAttribute("data-region-sites")).toBe(String(andes.length));
      const names = await list.locator("tbody tr td:first-child").allTextContents();
      expect([...names].sort()).toEqual(andes.map((d) => d.name).sort());
      // The map draws those sites inside its frame, now far apart: no two of the largest deposits' dots coincide.
      const drawn = await fig3.locator("svg.world-map-plot").evaluate((svg) => {
        const h = Number(svg.getAttribute("height"));
        const w = Number(svg.getAttribute("width"));
        return [...svg.querySelectorAll("g.site > *, g.site-zero > *, g.site-unknown > *")].map((e) => {
          const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute("transform") ?? "");
          const [x, y] = m ? [Number(m[1]), Number(m[2])] : [Number(e.getAttribute("cx")), Number(e.getAttribute("cy"))];
          return x >= 0 && x <= w && y >= 0 && y <= h;
        });
      });
      expect(drawn.filter(Boolean).length).toBeGreaterThanOrEqual(andes.length);
      url = page.url();
    });
    await withPage(async (page) => {
      expect(await checkPage(page, url)).toEqual(CLEAN);
      expect(await page.locator("#fig-3 .world-map").getAttribute("data-region")).toBe("andes");
    });
  });

  it("Figure 4b says it shows ICMM's plants only, and Figure S23 puts the IEA's 2024 refining beside it", async () => {
    const iea = await published<{mineral: string; tier: string; year: number; country: string; value_kt: number | null}>("iea_supply");
    const idn = iea.find((d) => d.mineral === "nickel" && d.tier === "refining" && d.year === 2024 && d.country === "Indonesia")!;
    expect(idn.value_kt).toBeCloseTo(1493.2, 6);
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      expect(await page.locator("#fig-4b .figure-caption").textContent()).toMatch(/Only the nickel sites of the ICMM dataset.*not where nickel is refined/s);
      // S23 follows 4b on the page.
      const order = await page.locator("figure.live-figure").evaluateAll((fs) => fs.map((f) => f.id));
      expect(order.indexOf("fig-s23")).toBe(order.indexOf("fig-4b") + 1);
      expect(await page.locator("#fig-s23 g.refining-bar rect").count()).toBe(7);
      expect(await page.locator("#fig-s23 g.refining-label text").first().textContent()).toBe("1,493 kt (42.9 %) · 2 ICMM sites");
      expect(await page.locator("[data-check=iea-idn]").textContent()).toBe("1,493");
      // The ICMM plants of the text are the dots of Figure 4b.
      const plants = await page.locator("[data-check=icmm-plants]").textContent();
      expect(await mapDots(page, "#fig-4b")).toBe(Number(plants));
    });
  });

  it("states that Figure 3(c) is not redrawn, and ends with the paper's four questions, each linked to a part of the page", async () => {
    await withPage(async (page) => {
      await checkPage(page, origin + PAGE);
      expect(await page.locator("#observablehq-main").textContent()).toContain("Figure 3(c) is not redrawn.");
      const heading = page.getByRole("heading", {name: "Questions the paper puts to stakeholders"});
      expect(await heading.count()).toBe(1);
      const items = page.locator("h2:has-text('Questions the paper puts to stakeholders') ~ ol > li");
      expect(await items.count()).toBe(4);
      // Every in-page link of the questions leads to an element that exists.
      const targets = await items.locator("a[href^='#']").evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, document.getElementById(a.getAttribute("href")!.slice(1)) !== null] as const));
      expect(targets.length).toBeGreaterThanOrEqual(5);
      for (const [href, found] of targets) expect(found, href).toBe(true);
    });
  });

  it("in the dark colour scheme the maps' outlines and ocean follow the page, not a light page's white", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme});
      try {
        await checkPage(page, origin + PAGE);
        const colours = await page.locator("#fig-3 svg.world-map-plot").evaluate((svg) => {
          const style = (e: Element) => getComputedStyle(e);
          // The theme's background as a colour: a probe coloured with the variable.
          const probe = document.createElement("span");
          probe.style.color = "var(--theme-background)";
          document.body.append(probe);
          const background = style(probe).color;
          probe.remove();
          const countries = svg.querySelector("g.country")!;
          const sphere = svg.querySelector("g[aria-label=sphere] path, path[aria-label=sphere]") ?? svg.querySelector("g[aria-label=geo] path");
          return {background, outline: style(countries).stroke, ocean: sphere ? style(sphere).fill : null};
        });
        // The country outlines are drawn in the page's own background colour, in either scheme.
        expect(colours.outline, colorScheme).toBe(colours.background);
        const lum = (rgb: string) => {
          const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        if (colorScheme === "dark") expect(lum(colours.background)).toBeLessThan(60);
        else expect(lum(colours.background)).toBeGreaterThan(200);
      } finally {
        await page.close();
      }
    }
  });
});

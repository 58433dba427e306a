// What a user waits for on the timeline, timed in headless Chromium: the app's first draw of /timeline, a zoom to one
// week, a drag at that zoom and "Fit all" (against a running app, normally on a million events), beside plain
// vis-timeline holding every item of a filtered result in the browser (1k to 100k events of the same database), all in
// one run. A benchmark, not a test: it prints a table (docs/performance.md says how to run it and records its figures).
//
//   node bench.mjs --app http://127.0.0.1:5180 --db /path/to/g1m.db [--runs 3] [--sizes 1000,10000,50000,100000]
//                  [--week 1937-03-01] [--chromium /usr/bin/chromium]
//
// Either part may be left out (no --app, or no --db). One untimed visit of the app comes first, as a running server has
// already compiled its queries and pages. Every figure is the time from the user's action to the first frame
// drawn after vis-timeline reports the view changed, read in the page (performance.now()), not polled from outside.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
    a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]?.startsWith('--') ? 'true' : all[i + 1]]] : pairs, []));
const runs = Number(args.runs ?? 3);
const sizes = (args.sizes ?? '1000,10000,50000,100000').split(',').map(Number);
const week = args.week ?? '1937-03-01';
const timeout = Number(args.timeout ?? 180) * 1000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

// vis-timeline as the app serves it: the npm package its build installs (Timeline.Web/node_modules).
const visDir = join(here, '../../Timeline.Web/node_modules/vis-timeline');
const visJs = join(visDir, 'standalone/umd/vis-timeline-graph2d.min.js');
const visCss = join(visDir, 'styles/vis-timeline-graph2d.min.css');

const browser = await chromium.launch({
    executablePath: args.chromium ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = new Map(); // row label -> list of ms, one per run
let server; // the static server of the plain vis-timeline page, started on first use
let warming = false; // the first, untimed visit: the app's first request compiles what a running server has compiled
const record = (label, ms) => warming || results.set(label, [...(results.get(label) ?? []), ms]);

console.log(`Browser benchmark, ${new Date().toISOString().slice(0, 16)} UTC, ${cpus().length} CPUs, load ${load()}, ` +
    `Chromium ${browser.version()}, ${runs} run(s)`);
try {
    if (args.app) {
        warming = true;
        await appRun(args.app, 0);
        warming = false;
    }
    for (let run = 1; run <= runs; run++) {
        if (args.app) await appRun(args.app, run);
        if (args.db) await plainRun(args.db, run);
        console.log(`  run ${run} done, load ${load()}`);
    }
} finally {
    await browser.close();
}
printTable();

// ---- the app --------------------------------------------------------------------------------------------------------

// Records every change of the timeline's aria-busy (the app sets it false once vis has drawn what the server sent), with
// the time of the first frame after it and whether items or bars were drawn by then.
function watchBusy() {
    window.__busy = [];
    new MutationObserver((changes) => {
        for (const c of changes) {
            if (c.attributeName !== 'aria-busy' || c.target.getAttribute('role') !== 'application') continue;
            const entry = { value: c.target.getAttribute('aria-busy'), at: performance.now(), drawn: false, frame: 0 };
            window.__busy.push(entry);
            requestAnimationFrame(() => {
                entry.frame = performance.now();
                entry.drawn = c.target.querySelector('.vis-item') !== null;
            });
        }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

// The first frame after the view went busy and came back with something drawn, after `since` (page time).
async function settled(page, since) {
    const handle = await page.waitForFunction((t) => {
        const list = window.__busy ?? [];
        const busy = list.findIndex((e) => e.at >= t && e.value === 'true');
        const done = list.find((e, i) => i > busy && e.at >= t && e.value === 'false' && e.frame > 0 && e.drawn);
        return busy >= 0 && done ? done.frame : false;
    }, since, { timeout, polling: 50 });
    return await handle.jsonValue();
}

// Where the first draw's time goes, page time of the end of each step (timeline.js marks its own steps; the rest are
// the navigation's and the resources' timings). A step the page skipped (a script already cached) is left out.
function openingSteps() {
    const nav = performance.getEntriesByType('navigation')[0];
    const resource = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
    const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
    const steps = [
        ['HTML received', nav?.responseEnd],
        ['blazor.web.js received', resource('blazor.web')?.responseEnd],
        ['vis-timeline script received', resource('vis-timeline')?.responseEnd],
        ['circuit negotiated', resource('_blazor/negotiate')?.responseEnd],
        ['timeline.js received', resource('js/timeline')?.responseEnd],
        ['timeline.js create called (the view rendered in the circuit)', mark('tl:create')],
        ['vis-timeline ready', mark('tl:vis')],
        ['vis timeline made', mark('tl:made')],
        ['first data arrived', mark('tl:data')],
    ];
    return steps.filter(([, ms]) => ms !== undefined && ms > 0);
}

// When vis last reported the window changed (its rangechanged, after any animation), after `since`.
async function atRest(page, since) {
    const handle = await page.waitForFunction((t) => {
        const at = performance.getEntriesByName('tl:moved', 'mark')[0]?.startTime;
        return at >= t ? at : false;
    }, since, { timeout, polling: 50 });
    return await handle.jsonValue();
}

async function appRun(app, run) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchBusy);
    try {
        // First draw: from navigation start (page time 0) to the first frame with items or bars drawn.
        await page.goto(new URL('/timeline', app).href, { waitUntil: 'commit', timeout });
        const first = await page.waitForFunction(() => (window.__busy ?? []).find((e) => e.value === 'false' && e.frame > 0 && e.drawn)?.frame ?? false,
            undefined, { timeout, polling: 50 });
        record('app at 1M: open /timeline, first items or bars drawn', await first.jsonValue());
        for (const [step, ms] of await page.evaluate(openingSteps)) record(`  of which, ${step}`, ms);
        const bars = await page.locator('.tl-bucket').count();
        const items = await page.locator('.vis-item').count();
        if (!warming) console.log(`  run ${run} app: first view has ${items} drawn items, ${bars} of them bars`);

        // A zoom to one week from outside (as a histogram click or back/forward does): Blazor's own in-app navigation, so
        // the page and its circuit stay, and the view moves, reports its range (250 ms debounce) and draws the answer.
        const end = new Date(Date.parse(week) + 7 * 864e5).toISOString().slice(0, 10);
        let t0 = await page.evaluate(() => performance.now());
        await page.evaluate(([s, e]) => window.Blazor.navigateTo(`/timeline?start=${s}&end=${e}`), [week, end]);
        record(`app at 1M: zoom to the week of ${week}`, (await settled(page, t0)) - t0);
        record(`  the view at rest (animation included)`, (await atRest(page, t0)) - t0);

        // A pan at that zoom: the view dragged by a third of its width towards later days, timed from the release (vis
        // reports a drag once, when it ends) to the first frame drawn with what the new window holds.
        const view = await page.getByRole('application', { name: 'Timeline of events' }).boundingBox();
        const y = view.y + view.height / 2;
        await page.mouse.move(view.x + view.width * 0.6, y);
        await page.mouse.down();
        await page.mouse.move(view.x + view.width * 0.27, y, { steps: 12 });
        t0 = await page.evaluate(() => performance.now());
        await page.mouse.up();
        record('app at 1M: pan (drag the week\'s view by a third)', (await settled(page, t0)) - t0);

        // "Fit all": the toolbar's button, found by its role and name.
        t0 = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: 'Fit all' }).click({ timeout });
        record('app at 1M: "Fit all"', (await settled(page, t0)) - t0);
        record(`  the view at rest (animation included) `, (await atRest(page, t0)) - t0);
    } finally {
        await context.close();
    }
}

// ---- plain vis-timeline -----------------------------------------------------------------------------------------------

async function plainServer(db) {
    if (server) return server;
    const items = new Map();
    const max = Number(execFileSync('sqlite3', ['-readonly', db, 'SELECT max("Id") FROM "Events"']).toString().trim());
    for (const n of sizes) {
        // A spread sample of n events (every k-th id), as a filter matching n events across the whole span would give.
        const k = Math.max(1, Math.floor(max / n));
        const sql = `SELECT "Id" AS id, "Title" AS title, "Kind" AS kind, "EarliestDay" AS a, "LatestDay" AS b FROM "Events" ` +
            `WHERE NOT "IsDeleted" AND "Id" % ${k} = 0 ORDER BY "Id" LIMIT ${n}`;
        items.set(`/items-${n}.json`, execFileSync('sqlite3', ['-readonly', '-json', db, sql], { maxBuffer: 1 << 30 }));
    }
    const files = {
        '/': [readFileSync(join(here, 'plain.html')), 'text/html'],
        '/vis.js': [readFileSync(visJs), 'text/javascript'],
        '/vis.css': [readFileSync(visCss), 'text/css'],
    };
    server = createServer((req, res) => {
        const [body, type] = files[req.url] ?? (items.has(req.url) ? [items.get(req.url), 'application/json'] : [null, null]);
        res.writeHead(body ? 200 : 404, { 'content-type': type ?? 'text/plain' }).end(body ?? 'not found');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
}

async function plainRun(db, run) {
    if (!existsSync(visJs)) throw new Error(`vis-timeline is missing at ${visJs}: build Timeline.Web first (it runs npm ci)`);
    const base = `http://127.0.0.1:${(await plainServer(db)).address().port}/`;
    for (const n of sizes) {
        // A fresh page per size, so no run inherits another's memory.
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        try {
            await page.goto(base, { timeout });
            const label = `${n / 1000}k`;
            record(`plain vis-timeline, ${label} items: first draw`, await page.evaluate((m) => window.bench.load(m), n));
            record(`plain vis-timeline, ${label} items: zoom to the week of ${week}`, await page.evaluate((w) => window.bench.zoomWeek(w), week));
            record(`plain vis-timeline, ${label} items: fit all`, await page.evaluate(() => window.bench.fitAll()));
        } finally {
            await context.close();
        }
    }
    if (run === runs) server?.close();
}

// ---- the table --------------------------------------------------------------------------------------------------------

function printTable() {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
    console.log('');
    console.log(`| what the user does | median of ${runs} | each run |`);
    console.log('|---|---|---|');
    for (const [label, xs] of results) console.log(`| ${label} | ${fmt(median(xs))} | ${xs.map(fmt).join(', ')} |`);
    console.log(`\nFinished ${new Date().toISOString().slice(11, 16)} UTC, load ${load()}`);
}

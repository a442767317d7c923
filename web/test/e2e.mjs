// End-to-end test of the dashboard against the real server: builds the Go
// binary, ingests examples/ (plus the shared seed article when ../shared is
// there) and a hostile article into a temporary database, runs
// `eventwire serve` on a free loopback port, drives Debian's Chromium with
// playwright-core and checks the map, search, document view (quotes with
// speakers, event evidence), merged events ("Merge reports" over a
// syndicated copy of an example article), hostile-input safety and both
// layouts.
// Screenshots go to web/test/artifacts/. Ends with "N passed, N failed".
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const repo = path.resolve(web, '..');
const artifacts = path.join(here, 'artifacts');
const seed = path.resolve(repo, '..', 'shared', 'seed', 'obama-hollande.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-e2e-'));
const bin = path.join(tmp, 'eventwire');
const db = path.join(tmp, 'e2e.db');

let passed = 0;
let failed = 0;
let skipped = 0;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join('\n     ') : err}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base, child, ms = 20000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (child.exitCode !== null) throw new Error(`eventwire serve exited with ${child.exitCode}`);
    try {
      const r = await fetch(base + '/healthz');
      if (r.ok) return r.json();
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('eventwire serve did not become healthy in time');
}

// Until `serve` mounts web.FS(), the dashboard is served from web/dist by a
// loopback proxy in front of the real API (announced in the output).
function proxyFront(apiBase) {
  const dist = path.join(web, 'dist');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const api = new URL(apiBase);
  const srv = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    if (u.pathname.startsWith('/api/') || u.pathname === '/healthz') {
      const up = http.request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
      return;
    }
    let f = path.normalize(path.join(dist, u.pathname));
    if (!f.startsWith(dist) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) f = path.join(dist, 'index.html');
    res.writeHead(200, { 'Content-Type': types[path.extname(f)] || 'application/octet-stream', 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'" });
    fs.createReadStream(f).pipe(res);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({ srv, base: `http://127.0.0.1:${srv.address().port}` })));
}

let server = null;
let front = null;
let browserHandle = null;
async function cleanup() {
  if (browserHandle) await browserHandle.close();
  if (front) front.srv.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        if (server.exitCode === null) server.kill('SIGKILL');
        r();
      }, 5000);
      server.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

try {
  // --- prepare the server ---------------------------------------------
  console.log('building eventwire…');
  run('go', ['build', '-o', bin, './cmd/eventwire'], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(run(bin, ['ingest', '-q', '--db', db, path.join(repo, 'examples')]).trim());
  const haveSeed = fs.existsSync(seed);
  if (haveSeed) {
    console.log(run(bin, ['ingest', '-q', '--db', db, '--pubdate', '2015-11-26', seed]).trim());
  } else {
    console.log(`skip: the seed article ${seed} is absent (no ../shared); seed checks are skipped`);
  }
  const hostile = path.join(tmp, 'hostile.txt');
  fs.writeFileSync(hostile, 'Hostile <img src=x onerror="window.__pwned=1"> report from Paris\n\n' +
    'The minister said <script>window.__pwned=1</script> in Paris on Monday that France condemned Russia. ' +
    'Another line: <img src=x onerror="window.__pwned=2"> and <a href="javascript:window.__pwned=3">link</a>.\n');
  console.log(run(bin, ['ingest', '-q', '--db', db, '--pubdate', '2024-03-04', hostile]).trim());
  // A syndicated copy of one example article on another site (spacing
  // changed, a credit line added): a separate document whose events merge
  // with the original's.
  const orig = fs.readFileSync(path.join(repo, 'examples', 'sudan-talks.txt'), 'utf8');
  const nl = orig.indexOf('\n');
  const copy = path.join(tmp, 'syndicated.jsonl');
  fs.writeFileSync(copy, JSON.stringify({
    title: orig.slice(0, nl).trim(), url: 'https://mirror.example.org/world/sudan-talks-jeddah', source: 'mirror.example.org',
    pubdate: '2026-03-10', text: orig.slice(nl + 1).replace(/\. /g, '.  ').trim() + '\n\n(Distributed by Mirror Wire.)\n',
  }) + '\n');
  console.log(run(bin, ['ingest', '-q', '--db', db, copy]).trim());

  const port = await freePort();
  const apiBase = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--db', db, '--addr', `127.0.0.1:${port}`], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] });
  let serverLog = '';
  server.stderr.on('data', (b) => (serverLog = (serverLog + b).slice(-4000)));
  console.log(`eventwire serve pid ${server.pid} on ${apiBase}`);
  const health = await waitHealthy(apiBase, server);
  console.log(`healthz: ${JSON.stringify(health)}`);

  let base = apiBase;
  const index = await (await fetch(apiBase + '/')).text();
  if (!/<div id="app">/.test(index)) {
    front = await proxyFront(apiBase);
    base = front.base;
    console.log('note: eventwire serve does not serve the dashboard at / yet (web.FS() not mounted); serving web/dist through a loopback proxy to the real API');
  }

  // --- browser ---------------------------------------------------------
  browserHandle = await launch();
  const ctx = await browserHandle.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console error: ' + m.text());
  });
  page.on('dialog', (d) => {
    problems.push('dialog opened: ' + d.message());
    d.dismiss();
  });
  fs.mkdirSync(artifacts, { recursive: true });

  await check('overview loads with map markers, timeline, network and event rows', async () => {
    const t0 = Date.now();
    await page.goto(base + '/');
    await page.waitForSelector('.map-marker', { timeout: 10000 });
    const ready = Date.now() - t0;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { dcl: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
    });
    console.log(`     first load (cold browser): DOMContentLoaded ${timing.dcl} ms, load ${timing.load} ms, map markers after ${ready} ms`);
    // A second visit in a fresh context (empty cache, warm browser process).
    const c2 = await browserHandle.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p2 = await c2.newPage();
    const t1 = Date.now();
    await p2.goto(base + '/');
    await p2.waitForSelector('.map-marker');
    await p2.waitForSelector('tr.ev-row');
    const t2 = await p2.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
    console.log(`     load with empty cache: DOMContentLoaded ${t2} ms, map and table drawn after ${Date.now() - t1} ms`);
    await c2.close();
    const markers = await page.locator('.map-marker').count();
    assert(markers > 0, 'no map markers');
    await page.waitForSelector('.tl-col rect', { timeout: 10000 });
    await page.waitForSelector('.net-node', { timeout: 10000 });
    await page.waitForSelector('tr.ev-row', { timeout: 10000 });
    console.log(`     ${markers} markers, ${await page.locator('.net-node').count()} actors, ${await page.locator('tr.ev-row').count()} event rows`);
  });

  await check('clicking a map marker filters the event table to that place', async () => {
    const marker = page.locator('.map-marker').first();
    const label = await marker.getAttribute('aria-label');
    await marker.dispatchEvent('click');
    await page.waitForSelector('.chip:has-text("Place:")', { timeout: 5000 });
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading'));
    const rows = await page.locator('tr.ev-row').count();
    assert(rows > 0, `no events listed for ${label}`);
    const place = label.split(':')[0];
    const places = await page.locator('tr.ev-row td[data-label="Place"]').allTextContents();
    assert(places.every((p) => p.includes(place)), `rows outside ${place}: ${places.join(' | ')}`);
    await page.locator('.chip:has-text("Place:") .chip-x').click();
    await page.waitForFunction(() => !document.querySelector('.chip'));
  });

  await check('event table filters by QuadClass and pages', async () => {
    await page.selectOption('select[name=quad]', '4');
    await page.click('.filters button[type=submit]');
    await page.waitForSelector('.chip:has-text("Quad:")');
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading'));
    const quads = await page.locator('tr.ev-row td[data-label="QuadClass"]').allTextContents();
    assert(quads.length > 0 && quads.every((q) => q.includes('Material conflict')), 'quad filter not applied: ' + quads.join(','));
    await page.click('.filters button:has-text("Reset")');
    await page.waitForFunction(() => !document.querySelector('.chip'));
    const next = page.locator('.pager button:has-text("Next")');
    if (await next.isEnabled()) {
      const first = await page.locator('tr.ev-row').first().textContent();
      await next.click();
      // The next page is drawn once loading ends and its first row differs.
      await page.waitForFunction((f) => !document.querySelector('.table-wrap.loading') &&
        document.querySelector('tr.ev-row') && document.querySelector('tr.ev-row').textContent !== f, first);
      const prev = page.locator('.pager button:has-text("Previous")');
      await prev.waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForFunction(() => {
        const b = [...document.querySelectorAll('.pager button')].find((x) => x.textContent.includes('Previous'));
        return b && !b.disabled;
      }, null, { timeout: 5000 }).catch(() => {});
      assert(await prev.isEnabled(), 'previous page not enabled');
    }
  });

  await check('event table lists newest first, and oldest first on request', async () => {
    const dates = async () => (await page.locator('tr.ev-row td[data-label="Date"]').allTextContents())
      .map((d) => d.trim()).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    const sorted = (ds, desc) => ds.every((d, i) => i === 0 || (desc ? ds[i - 1] >= d : ds[i - 1] <= d));
    await page.click('.filters button:has-text("Reset")'); // back to the first page
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading') &&
      [...document.querySelectorAll('.pager button')].find((x) => x.textContent.includes('Previous'))?.disabled);
    const newest = await dates();
    assert(newest.length > 1 && sorted(newest, true), 'not newest first: ' + newest.join(' '));
    await page.selectOption('select[name=order]', 'asc');
    await page.waitForFunction((f) => !document.querySelector('.table-wrap.loading') &&
      document.querySelector('tr.ev-row td[data-label="Date"]')?.textContent.trim() !== f, newest[0]);
    const oldest = await dates();
    assert(oldest.length > 1 && sorted(oldest, false) && oldest[0] <= newest[newest.length - 1], 'not oldest first: ' + oldest.join(' '));
    await page.selectOption('select[name=order]', 'desc');
    await page.waitForFunction((f) => !document.querySelector('.table-wrap.loading') &&
      document.querySelector('tr.ev-row td[data-label="Date"]')?.textContent.trim() === f, newest[0]);
  });

  await page.goto(base + '/');
  await page.waitForSelector('.map-marker');
  await page.waitForSelector('.net-node');
  await page.waitForSelector('tr.ev-row');
  await page.screenshot({ path: path.join(artifacts, 'overview-1280x800.png') });

  await check('"Merge reports" shows one row per event with mentions/sources/articles and its reports', async () => {
    await page.fill('input[name=since]', '2026-03-08');
    await page.fill('input[name=until]', '2026-03-12');
    await page.click('.filters button[type=submit]');
    await page.waitForSelector('.chip:has-text("Dates:")');
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading'));
    const plain = await page.locator('tr.ev-row').count();
    assert(await page.locator('.events th:has-text("Reports")').count() === 0, 'Reports column shown before merging');
    await page.locator('.merge-toggle input').check();
    await page.waitForSelector('table.events.merged');
    await page.waitForFunction(() => !document.querySelector('.table-wrap.loading'));
    const merged = await page.locator('tr.ev-row').count();
    assert(merged > 0 && merged < plain, `merging ${plain} rows gave ${merged}`);
    assert(await page.locator('.events th:has-text("Reports")').count() === 1, 'no Reports column');
    assert((await page.locator('.pager').textContent()).includes('Merged events'), 'pager does not say merged');
    const row = page.locator('tr.ev-row', { has: page.locator('.reports-btn') }).first();
    const counts = await row.locator('.report-counts').textContent();
    const m = /(\d+) mentions?\s*(\d+) sources?\s*(\d+) articles/.exec(counts);
    assert(m && Number(m[3]) >= 2 && Number(m[1]) >= Number(m[3]) && Number(m[2]) >= 1, 'counts: ' + counts);
    await row.locator('.reports-btn').click();
    const sub = page.locator('tr.reports-row:not([hidden])').first();
    await sub.waitFor({ timeout: 5000 });
    const links = sub.locator('a');
    assert(await links.count() >= 1, 'no report links');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert(hrefs.every((x) => x.startsWith('#/doc/sha256:')), 'report links: ' + hrefs.join(' '));
    assert((await sub.textContent()).includes('mirror.example.org'), 'the syndicated copy is not among the reports');
    await page.screenshot({ path: path.join(artifacts, 'merged-1280x800.png') });
    await links.first().click();
    await page.waitForSelector('.events-list .also', { timeout: 5000 });
    const also = await page.locator('.events-list .also summary').first().textContent();
    assert(/^Also reported by \d+ other articles?$/.test(also.trim()), 'note: ' + also);
    await page.locator('.events-list .also summary').first().click();
    assert(await page.locator('.events-list .also[open] a[href^="#/doc/"]').count() >= 1, 'no links in the note');
    await page.screenshot({ path: path.join(artifacts, 'document-merged-1280x800.png') });
  });

  const query = haveSeed ? 'Hollande' : 'Kharkiv';
  await check(`search "${query}" lists matching documents with highlighted snippets`, async () => {
    await page.fill('input[name=q]', query);
    await page.press('input[name=q]', 'Enter');
    await page.waitForSelector('.doc-item', { timeout: 5000 });
    const titles = await page.locator('.doc-title').allTextContents();
    assert(titles.length > 0, 'no results');
    assert(await page.locator('.snippet mark').count() > 0, 'no highlighted snippet terms');
    await page.screenshot({ path: path.join(artifacts, 'search-1280x800.png') });
  });

  if (haveSeed) {
    await check('seed article: quotes show their speaker (Lavrov or Obama)', async () => {
      await page.locator('.doc-title', { hasText: 'Hollande' }).first().click();
      await page.waitForSelector('.doc-text .hl-quote', { timeout: 5000 });
      const tags = await page.locator('.doc-text .speaker-tag').allTextContents();
      assert(tags.some((t) => /Lavrov|Obama/.test(t)), 'no speaker tag naming Lavrov or Obama: ' + tags.join(' | '));
      // The badge follows its quote: the nearest preceding highlighted quote.
      const ok = await page.evaluate(() => [...document.querySelectorAll('.doc-text .speaker-tag')].every((tag) => {
        let n = tag.previousSibling;
        while (n && !(n.nodeType === 1 && (n.matches('.hl-quote') || n.querySelector?.('.hl-quote')))) {
          if (n.textContent.trim().replace(/["”’'»]/g, '') !== '') return false;
          n = n.previousSibling;
        }
        return !!n;
      }));
      assert(ok, 'a speaker tag is not right after its quote');
      const kinds = await page.evaluate(() => ['entity', 'trigger', 'place', 'date', 'quote'].filter((k) => document.querySelector('.doc-text .hl-' + k)));
      assert(kinds.length === 5, 'missing highlight kinds, have: ' + kinds.join(','));
    });

    await check('clicking an event highlights and scrolls to its evidence sentence', async () => {
      const items = page.locator('.events-list .side-item');
      const n = await items.count();
      assert(n > 0, 'no events listed');
      const pick = items.nth(n - 1); // a late one, so scrolling is needed
      await pick.click();
      await page.waitForSelector('.doc-text .hl-sel-sentence');
      await page.waitForTimeout(700); // smooth scroll
      const info = await page.evaluate(() => {
        const els = [...document.querySelectorAll('.doc-text .hl-sel-sentence')];
        const r = els[0].getBoundingClientRect();
        return { text: els.map((e) => e.textContent).join(''), top: r.top, bottom: r.bottom, vh: window.innerHeight, active: !!document.querySelector('.side-item.active') };
      });
      assert(info.text.trim().length > 10, 'evidence sentence is empty');
      assert(info.top >= 0 && info.bottom <= info.vh, `evidence not scrolled into view (top ${info.top}, bottom ${info.bottom})`);
      assert(info.active, 'event not marked active in the list');
      assert(await page.locator('.doc-text .hl-sel-source, .doc-text .hl-sel-target, .doc-text .hl-sel-trigger').count() > 0, 'no source/target/trigger marked');
      await page.screenshot({ path: path.join(artifacts, 'document-1280x800.png') });
    });

    await check('highlight toggles hide a kind', async () => {
      await page.locator('.toggle.k-place input').uncheck();
      assert(await page.locator('.doc-text.hide-place').count() === 1, 'place toggle had no effect');
      const bg = await page.locator('.doc-text .hl-place').first().evaluate((e) => getComputedStyle(e).backgroundColor);
      assert(bg === 'rgba(0, 0, 0, 0)', 'hidden places still coloured: ' + bg);
      await page.locator('.toggle.k-place input').check();
    });
  } else {
    skipped += 3;
    console.log('skip: seed-article checks (quotes with speakers, event evidence, toggles)');
    await check('a document opens with highlights and event evidence', async () => {
      await page.locator('.doc-title').first().click();
      await page.waitForSelector('.doc-text .hl');
      await page.locator('.events-list .side-item').first().click();
      await page.waitForSelector('.doc-text .hl-sel-sentence');
      await page.screenshot({ path: path.join(artifacts, 'document-1280x800.png') });
    });
  }

  await check('a hostile article renders as inert text', async () => {
    await page.goto(base + '/#/search?q=minister%20Paris%20condemned');
    await page.waitForSelector('.doc-item');
    await page.locator('.doc-title', { hasText: 'Hostile' }).first().click();
    await page.waitForSelector('.doc-text');
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => ({
      pwned: typeof window.__pwned,
      scripts: document.querySelectorAll('#view script, #view img, #view iframe').length,
      text: document.querySelector('.doc-text').textContent,
      title: document.querySelector('.doc-h1').textContent,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => /^javascript:/i.test(a.getAttribute('href') || '')).length,
    }));
    assert(r.pwned === 'undefined', 'window.__pwned was set');
    assert(r.scripts === 0, `${r.scripts} script/img/iframe elements in the view`);
    assert(r.text.includes('<script>window.__pwned=1</script>'), 'script tag not shown as text');
    assert(r.title.includes('<img src=x'), 'title markup not shown as text');
    assert(r.jsLinks === 0, 'javascript: link present');
  });

  await check('phone layout (390×844) has no horizontal overflow', async () => {
    const phone = await browserHandle.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    p.on('pageerror', (e) => problems.push('page error (phone): ' + e.message));
    await p.goto(base + '/');
    await p.waitForSelector('.map-marker');
    await p.waitForSelector('.net-node');
    await p.waitForSelector('tr.ev-row');
    const over = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(over <= 0, `page is ${over}px wider than the phone screen`);
    await p.screenshot({ path: path.join(artifacts, 'overview-390x844.png') });
    await p.locator('tr.ev-row a').first().click();
    await p.waitForSelector('.doc-text .hl-sel-sentence');
    const over2 = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(over2 <= 0, `document view is ${over2}px wider than the phone screen`);
    await p.screenshot({ path: path.join(artifacts, 'document-390x844.png') });
    await phone.close();
  });

  await check('no script errors, CSP violations or dialogs', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
  if (failed) console.log('server log (tail):\n' + serverLog);
} catch (err) {
  failed++;
  console.log('FAIL setup: ' + (err.stack || err));
} finally {
  await cleanup();
}
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);

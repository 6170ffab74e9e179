// Opens trame's HTML page in a real browser (the system's chromium, driven
// by puppeteer-core), and does what an analyst does: search an actor, click
// another on the drawing, ask for a path. Prints what the page showed as
// JSON on stdout; tests/browser.rs checks it against the graph.
//
// Usage: node check_html.mjs PAGE.html SCREENSHOT_PREFIX QUERY.json
//
// QUERY.json: {"search": name typed, "click": node id clicked on the
// canvas, "from": name, "to": name}. Screenshots: PREFIX-open.png,
// PREFIX-search.png, PREFIX-click.png, PREFIX-path.png.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [page_path, shots, query_path] = process.argv.slice(2);
const query = JSON.parse(readFileSync(query_path, 'utf8'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const out = {};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(pathToFileURL(page_path).href, { waitUntil: 'load', timeout: 120000 });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 120000 });
  out.open_ms = Date.now() - started;
  out.status = await page.$eval('#status', (e) => e.textContent);
  await page.screenshot({ path: `${shots}-open.png` });

  // Search as a user types it, then read the panel.
  await page.type('#search', query.search);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#panel h2'), { timeout: 30000 });
  out.search_title = await page.$eval('#panel h2', (e) => e.textContent);
  out.search_panel = await page.$eval('#panel', (e) => e.innerText);
  out.search_marks = await page.$$eval('#panel mark', (ms) => ms.map((m) => m.className + ':' + m.textContent));
  await page.screenshot({ path: `${shots}-search.png` });

  // A real mouse click where the page drew the node.
  const at = await page.evaluate((id) => window.trame.pagePosition(id), query.click);
  out.click_drawn = at !== null;
  if (at) {
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((t) => document.querySelector('#panel h2')?.textContent !== t, { timeout: 30000 }, out.search_title);
    out.click_title = await page.$eval('#panel h2', (e) => e.textContent);
    out.click_panel = await page.$eval('#panel', (e) => e.innerText);
    await page.screenshot({ path: `${shots}-click.png` });
  }

  // The path between two actors, through the form.
  await page.type('#path-from', query.from);
  await page.type('#path-to', query.to);
  await page.click('#path-form button');
  await page.waitForFunction(() => document.querySelector('#panel .hop') || /No path/.test(document.querySelector('#panel').textContent), { timeout: 30000 });
  out.path_ids = await page.evaluate(() => Array.from(document.querySelectorAll('#panel .hop a[data-node]'))
    .map((a) => window.trame.nodeId(+a.dataset.node)));
  await page.screenshot({ path: `${shots}-path.png` });
  out.requests = requests;
  out.errors = errors;
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');

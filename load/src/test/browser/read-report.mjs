// ReportPageIT's eyes: opens the report in Debian's headless chromium, reads the rendered page (every chart's series
// and points as the browser parsed them, the verdict and transaction tables) and prints it as one line of JSON;
// saves a full-page screenshot. Usage: node read-report.mjs REPORT.html SCREENSHOT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: node read-report.mjs REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'report-page-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--no-first-run'],
  viewport: { width: 1000, height: 800 },
});
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
  const read = await page.evaluate(() => ({
    title: document.title,
    overall: document.querySelector('.overall')?.textContent ?? '',
    charts: [...document.querySelectorAll('svg.chart')].map(svg => {
      const box = svg.getBoundingClientRect();
      return {
        id: svg.dataset.chart,
        width: box.width,
        height: box.height,
        series: [...svg.querySelectorAll('g.series')].map(g => {
          const line = g.querySelector('polyline');
          return {
            name: g.dataset.series,
            // the browser's parse of the points attribute: what it actually draws
            points: line ? line.points.numberOfItems : 0,
            circles: g.querySelectorAll('circle.point').length,
            length: line ? line.getTotalLength() : 0,
          };
        }),
      };
    }),
    missingCharts: [...document.querySelectorAll('[data-missing-chart]')].map(p => p.dataset.missingChart),
    verdicts: [...document.querySelectorAll('table.verdicts tbody tr')].map(tr =>
      [...tr.cells].map(td => td.textContent)),
    transactions: [...document.querySelectorAll('table.transactions tbody tr')].map(tr =>
      [...tr.cells].map(td => td.textContent)),
  }));
  read.externalRequests = requests;
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(read));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

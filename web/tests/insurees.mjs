// WebUiIT's eyes on the insuree search: logs in, opens Insurees, searches for the text given and prints what the
// page shows (the count line and every row's cells) as one line of JSON; saves web/screenshots/insurees.png.
// Usage: node insurees.mjs BASE_URL USER:PASSWORD SEARCH
import { join } from 'node:path';
import { launch, logIn, screenshots } from './browser.mjs';

const [base, login, search] = process.argv.slice(2);
if (!base || !login || !search) {
  console.error('usage: node insurees.mjs BASE_URL USER:PASSWORD SEARCH');
  process.exit(2);
}
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await logIn(page, base, login);
  await page.getByRole('button', { name: 'Insurees' }).click();
  await page.getByLabel('Insurance number or last name').fill(search);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('table tbody tr').or(page.getByText('No insuree matches.')).first().waitFor({ timeout: 20000 });
  const rows = await page.locator('table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
  const count = (await page.locator('.count').allTextContents()).join('');
  await page.screenshot({ path: join(screenshots, 'insurees.png') });
  console.log(JSON.stringify({ count, rows }));
} finally {
  await browser.close();
}

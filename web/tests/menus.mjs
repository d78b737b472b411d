// WebUiIT's eyes: logs in as each user given, in Debian's headless chromium, and prints what the page shows (the menu,
// who is logged in, an alert) as one line of JSON; saves a screenshot per user in web/screenshots/.
// Usage: node menus.mjs BASE_URL USER:PASSWORD...
import { join } from 'node:path';
import { launch, logIn, screenshots } from './browser.mjs';

const [base, ...logins] = process.argv.slice(2);
if (!base || logins.length === 0) {
  console.error('usage: node menus.mjs BASE_URL USER:PASSWORD...');
  process.exit(2);
}
const browser = await launch();
const seen = {};
try {
  for (const login of logins) {
    // a context per user: no session storage carried from the one before
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const user = await logIn(page, base, login);
    await page.waitForSelector('nav, [role=alert]', { timeout: 20000 });
    seen[login] = {
      menu: await page.locator('nav button').allTextContents(),
      who: (await page.locator('.who').allTextContents()).join(''),
      alert: (await page.locator('[role=alert]').allTextContents()).join(''),
      heading: (await page.locator('main h1').allTextContents()).join(''),
    };
    await page.screenshot({ path: join(screenshots, `login-${user}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));

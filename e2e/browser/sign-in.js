// Signs a demo user in at the gateway in headless Chromium (OIDC code + PKCE through Keycloak's
// login page), reads the identity the start page shows, signs out, and checks the page is anonymous
// again. Prints the identity as JSON; exits non-zero on any failure.
// Usage: node sign-in.js <gateway-url> <username> <password>
const { chromium } = require('playwright-core');
const { execSync } = require('child_process');

const [gateway, username, password] = process.argv.slice(2);
const executablePath = process.env.MINYI_CHROMIUM
  || execSync('command -v chromium || command -v chromium-browser || true', { shell: '/bin/bash' }).toString().trim();
if (!executablePath) {
  console.error('Chromium not found: install it (apt-get install chromium) or set MINYI_CHROMIUM');
  process.exit(2);
}

(async () => {
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN' });
    // Keycloak renders its pages for the first time right after a cold start on a loaded 2-core machine
    page.setDefaultTimeout(60000);
    page.setDefaultNavigationTimeout(60000);
    await page.goto(gateway + '/');
    await page.click('#login', { noWaitAfter: true });
    await page.waitForSelector('#username');
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#kc-login', { noWaitAfter: true });
    await page.waitForSelector('#identity:not([hidden])');
    const identity = {
      name: await page.textContent('#name'),
      username: await page.textContent('#username'),
      org: await page.textContent('#org'),
      roles: await page.textContent('#roles'),
    };
    await page.click('#logout-form button', { noWaitAfter: true });
    await page.waitForURL(url => url.toString() === gateway + '/');
    await page.waitForSelector('#anonymous:not([hidden])');
    identity.signedOut = true;
    console.log(JSON.stringify(identity));
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

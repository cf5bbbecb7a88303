// What the browser scripts share: Debian's Chromium launched headless, and the sign-in through the
// web app's button and Keycloak's login page, landing on the gateway's start page.
const { chromium } = require('playwright-core');
const { execSync } = require('child_process');

function launch() {
  const executablePath = process.env.MINYI_CHROMIUM
    || execSync('command -v chromium || command -v chromium-browser || true', { shell: '/bin/bash' }).toString().trim();
  if (!executablePath) {
    console.error('Chromium not found: install it (apt-get install chromium) or set MINYI_CHROMIUM');
    process.exit(2);
  }
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}

async function signIn(page, gateway, username, password) {
  await page.goto(gateway + '/app/index.html', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('text=请先登录');
  await page.click('.el-result a', { noWaitAfter: true });
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login', { noWaitAfter: true });
  // the gateway lands on its start page once the session is set up
  await page.waitForURL(url => url.toString() === gateway + '/');
  await page.waitForSelector('#identity:not([hidden])');
}

module.exports = { launch, signIn };

// "Forgot password" on Keycloak's login page: the link is offered, the person gives their user name and
// Keycloak says a mail is on its way. Prints what was seen as JSON; exits non-zero on any failure.
// Usage: node forgot-password.js <gateway-url> <username>
const { launch } = require('./common.js');

const [gateway, username] = process.argv.slice(2);

let browser;
(async () => {
  browser = await launch();
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(60000);
  await page.goto(gateway + '/app/index.html', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('text=请先登录');
  await page.click('.el-result a', { noWaitAfter: true });
  await page.waitForSelector('#username');
  const link = await page.$('a[href*="reset-credentials"]');
  if (!link) throw new Error('the login page offers no forgot-password link');
  const offered = (await link.textContent()).trim();
  await link.click();
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.click('[type=submit]');
  await page.waitForSelector('#username', { state: 'detached' }).catch(() => {});
  const said = (await page.textContent('body')).replace(/\s+/g, ' ').trim().slice(0, 200);
  console.log(JSON.stringify({ offered, said }));
  await browser.close();
})().catch(async e => { console.error(e); if (browser) await browser.close(); process.exit(1); });

// A new account's first sign-in: the link from Keycloak's "set your password" mail (or a reset mail)
// opened in the browser, the new password set on Keycloak's page, then the web app opened with it.
// Prints what the person saw as JSON; exits non-zero on any failure.
// Usage: node set-password.js <gateway-url> <action-link> <username> <new-password>
const { launch, go } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, link, username, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

let browser;
(async () => {
  browser = await launch();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const seen = {};
  try {
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    // Keycloak first names what is asked (更新密码) and links on to the form
    if (!(await page.$('#password-new'))) {
      seen.asked = (await page.textContent('body')).replace(/\s+/g, ' ').trim().slice(0, 200);
      await page.click('a[href*="login-actions"]');
    }
    await page.waitForSelector('#password-new');
    await page.screenshot({ path: path.join(shots, 'set-password.png') });
    await page.fill('#password-new', password);
    await page.fill('#password-confirm', password);
    await page.click('[type=submit]');
    await page.waitForSelector('#password-new', { state: 'detached' });
    seen.updated = (await page.textContent('body')).replace(/\s+/g, ' ').trim().slice(0, 200);

    // the web app, signed in with the new password (Keycloak may already hold the session)
    await page.goto(gateway + '/app/index.html', { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('text=请先登录');
    await page.click('.el-result a', { noWaitAfter: true });
    await Promise.race([page.waitForSelector('#username'), page.waitForURL(url => url.toString() === gateway + '/')]);
    if (await page.$('#username')) {
      await page.fill('#username', username);
      await page.fill('#password', password);
      await page.click('#kc-login', { noWaitAfter: true });
      await page.waitForURL(url => url.toString() === gateway + '/');
    }
    await page.click('#open-app');
    await page.waitForSelector('#who');
    seen.who = (await page.textContent('#who')).trim();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error('failed at ' + page.url());
    await page.screenshot({ path: path.join(shots, 'set-password-failure.png'), fullPage: true }).catch(() => {});
    console.error(JSON.stringify(seen));
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

// Opens the web app in headless Chromium as a district leader (dashboard) and as a member (own record),
// signing in through Keycloak's login page; reads the numbers the screens show and the API's numbers
// for the same query, and saves screenshots (desktop and phone width) into e2e/target/screenshots.
// Prints {dashboard: {ui, api}, record: {ui, api}} as JSON; exits non-zero on any failure.
// Usage: node dashboard.js <gateway-url> <leader> <member> <password>
const fs = require('fs');
const path = require('path');

const [gateway, leader, member, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const { launch, signIn: signInAt } = require('./common.js');
const signIn = (page, username) => signInAt(page, gateway, username, password);

// A navigation right after the sign-in redirects sometimes gets no answer on the connection it reuses
// (seen 2 runs in 5 on the loaded 2-core machine; to be found in the gateway, issue 7). A new page takes
// another connection: try up to three times, 20 s each, and go on with the page that loaded.
async function open(context, page, url) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20000 });
      return page;
    } catch (e) {
      if (attempt === 3) throw e;
      console.error(`navigation to ${url} got no answer (attempt ${attempt}); retrying on a new page`);
      page = await context.newPage();
      page.setDefaultTimeout(60000);
    }
  }
}

const number = async (page, selector) => (await page.textContent(selector)).trim();

(async () => {
  const browser = await launch();
  const result = {};
  try {
    // the leader's dashboard
    let context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    let page = await context.newPage();
    page.setDefaultTimeout(60000);
    page.setDefaultNavigationTimeout(60000);
    await signIn(page, leader);
    page = await open(context, page, gateway + '/app/index.html#/dashboard');
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#card-received .value')?.textContent.trim()));
    await page.waitForSelector('#live.el-tag--success');
    const api = await page.evaluate(() => fetch('/api/stats/summary').then(r => r.json()));
    result.dashboard = {
      ui: { received: await number(page, '#card-received .value'), adopted: await number(page, '#card-adopted .value'),
        responded: await number(page, '#card-responded .value'), who: await number(page, '#who') },
      api: { received: String(api.received), adopted: String(api.adopted), responded: String(api.responded) },
    };
    await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });
    // 分类统计 by department: a row opens 信息检索 filtered by that department, the body and the period
    result.asOf = (await page.textContent('#as-of')).trim();
    await page.click('#breakdown-tabs #tab-department');
    await page.waitForSelector('#breakdown tbody tr.clickable');
    const row = await page.$eval('#breakdown tbody tr.clickable', tr => ({ label: tr.cells[0].textContent.trim(), received: tr.cells[1].textContent.trim() }));
    await page.click('#breakdown tbody tr.clickable .el-table__cell:nth-child(1)');
    await page.waitForFunction(() => location.hash.startsWith('#/search?department='));
    await page.waitForSelector('#search-total');
    // the picker shows the department by its name once the registry has arrived
    await page.waitForFunction(() => /[^\x00-\x7f]/.test(document.querySelector('#search-department')?.closest('.el-select')?.textContent || ''),
      null, { timeout: 15000 }).catch(() => {});
    result.drill = { row, hash: await page.evaluate(() => decodeURIComponent(location.hash)),
      total: (await page.textContent('#search-total')).trim(),
      picked: await page.$eval('#search-department', el => el.closest('.el-select').textContent.trim()) };
    await page.screenshot({ path: path.join(shots, 'dashboard-drill.png'), fullPage: true });
    page = await open(context, page, gateway + '/app/index.html#/dashboard');
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#card-received .value')?.textContent.trim()));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'dashboard-phone.png'), fullPage: false });
    await context.close();

    // the member's own record
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(60000);
    page.setDefaultNavigationTimeout(60000);
    await signIn(page, member);
    page = await open(context, page, gateway + '/app/index.html?screen=me#/me');
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#record-submitted .value')?.textContent.trim()));
    const mine = await page.evaluate(() => fetch('/api/stats/members/me').then(r => r.json()));
    result.record = {
      ui: { submitted: await number(page, '#record-submitted .value'), score: await number(page, '#record-score .value'),
        dashboardHidden: (await page.$('#nav-dashboard')) === null },
      api: { submitted: String(mine.submitted), score: String(mine.score) },
    };
    await page.screenshot({ path: path.join(shots, 'member-record.png'), fullPage: true });

    // the member writes a report in the browser and finds it in their list
    const title = '浏览器提交：社区菜市场周边停车难 ' + Date.now();
    page = await open(context, page, gateway + '/app/index.html?screen=reports#/reports');
    await page.click('#write');
    await page.fill('#report-title', title);
    await page.fill('#report-body', '社区菜市场周边早晚高峰停车难，占道现象突出。建议增设临时停车位。');
    await page.screenshot({ path: path.join(shots, 'write-report.png') });
    await page.click('#submit-report');
    await page.waitForSelector(`#my-reports >> text=${title}`);
    result.written = { title, listed: true };
    await page.screenshot({ path: path.join(shots, 'my-reports.png'), fullPage: true });
    await context.close();
    console.log(JSON.stringify(result));
  } catch (e) {
    for (const c of browser.contexts()) {
      for (const p of c.pages()) {
        console.error('failed at ' + p.url());
        await p.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
      }
    }
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

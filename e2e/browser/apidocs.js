// Swagger UI on the gateway for a signed-in person: the merged document of minyi's API, one section per
// service, an operation opened with its problem+json answers. Screenshot swagger-ui.png; prints what it saw.
// Usage: node apidocs.js <gateway-url> <user> <password>
const { launch, signIn, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, user, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

let browser;
(async () => {
  browser = await launch();
  const seen = { errors: [] };
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(90000);
    page.on('console', m => { if (m.type() === 'error') seen.errors.push(m.text().slice(0, 200)) });
    await signIn(page, gateway, user, password);
    await page.goto(gateway + '/swagger-ui/index.html', { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.opblock-tag-section');
    seen.title = (await page.textContent('.info .title')).trim();
    seen.sections = await page.$$eval('.opblock-tag-section h3', hs => hs.map(h => h.getAttribute('data-tag')));
    await page.screenshot({ path: path.join(shots, 'swagger-ui.png') });
    await page.click('h3[data-tag="流转 routing"]');
    await page.waitForSelector('.opblock-summary-path[data-path="/api/bulk"]');
    await page.click('.opblock-post:has(.opblock-summary-path[data-path="/api/bulk"]) .opblock-summary');
    await page.waitForSelector('.opblock-post.is-open .responses-table');
    seen.bulkResponses = await page.$$eval('.opblock-post.is-open .responses-table tr.response', rows => rows.map(r => r.getAttribute('data-code')));
    await page.screenshot({ path: path.join(shots, 'swagger-ui-bulk.png') });
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error(e);
    await failed(browser, shots, 'apidocs', seen);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

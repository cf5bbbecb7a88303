// A report's print view (打印) as the office's editor opens it: A4 in the style of a 公文, with its facts,
// answer and trail; printed to PDF by Chromium (e2e/target/report-print.pdf). Prints what it saw as JSON.
// Usage: node print.js <gateway-url> <editor> <password> <report-id>
const { launch, signIn, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, editor, password, id] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

let browser;
(async () => {
  browser = await launch();
  const seen = {};
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    await signIn(page, gateway, editor, password);
    await page.goto(gateway + '/app/index.html#/print?id=' + id, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#print-title');
    await page.waitForSelector('#print-trail tr:nth-child(2)');
    const text = sel => page.$eval(sel, e => e.textContent.trim()).catch(() => null);
    seen.title = await text('#print-title');
    seen.status = await text('#print-status');
    seen.department = await text('#print-department');
    seen.response = await text('#print-response');
    seen.steps = await page.$$eval('#print-trail tr', rows => rows.length - 1);
    await page.screenshot({ path: path.join(shots, 'report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    seen.headerPrinted = await page.$eval('.top', e => getComputedStyle(e).display !== 'none');
    const pdf = path.resolve(__dirname, '../target/report-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const bytes = fs.readFileSync(pdf);
    seen.pdf = { bytes: bytes.length, header: bytes.subarray(0, 5).toString(), pages: (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length };
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error(e);
    await failed(browser, shots, 'print', seen);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

// An editor assigns a signed-off report with the department picker (the registry's names), seeing the
// deadline the body's rules give. Prints what was seen as JSON; exits non-zero on any failure.
// Usage: node assign.js <gateway-url> <editor> <password> <title> <search text> <department name>
const { launch, sessions, openCase, act } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, editor, password, title, search, department] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });

let browser;
(async () => {
  browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const { context, page } = await session(editor, 'queues');
  const seen = {};
  try {
    await openCase(page, 'assignment', title);
    await act(page, 'assign', async () => {
      await page.waitForSelector('#assign-deadline-rule');
      seen.term = (await page.textContent('#assign-deadline-rule')).trim();
      await page.click('.el-select__wrapper:has(#assign-department)');
      await page.fill('#assign-department', search);
      seen.offered = (await page.$$eval('.el-select-dropdown__item:visible', items => items.map(i => i.textContent.trim())));
      await page.click(`.el-select-dropdown__item:visible:has-text("${department}")`);
      await page.screenshot({ path: path.join(shots, 'editor-assign-picker.png') });
    });
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('交办'));
    seen.status = (await page.textContent('#case-status')).trim();
    console.log(JSON.stringify(seen));
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'assign-failure.png'), fullPage: true }).catch(() => {});
    console.error(JSON.stringify(seen));
    throw e;
  } finally {
    await context.close();
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

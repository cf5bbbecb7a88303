// Personal data in the web app: a member records the constituent (name, phone, ID number) with the
// report, the report shows only masked values and what kinds it holds; the district editor reveals the
// full values after naming a purpose; the auditor finds that reveal in the audit log and verifies the log.
// Prints what each step saw as JSON; exits non-zero on any failure.
// Usage: node privacy.js <gateway-url> <member> <editor> <auditor> <password>
const fs = require('fs');
const path = require('path');
const { launch, sessions, until, openCase, closeDrawer } = require('./common.js');

const [gateway, member, editor, auditor, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });

/** The 1-based column of the audit table that shows the client's address (地址). */
async function addressColumn(page) {
  const headers = await page.$$eval('#audit-table th', ths => ths.map(th => th.textContent.trim()));
  return headers.findIndex(h => h.includes('地址')) + 1;
}

(async () => {
  const browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const seen = {};
  const title = '浏览器个人信息：积水路段群众来电 ' + Date.now();
  try {
    // 1. the member writes the report with the constituent's details
    let { context, page } = await session(member, 'reports');
    await page.click('#write');
    await page.fill('#report-title', title);
    await page.fill('#report-body', '群众来电反映雨后积水严重，可回电13712345678了解详情。建议疏通排水管网。');
    await page.click('#constituent .el-collapse-item__header');
    await page.fill('#constituent-name', '李建华');
    await page.fill('#constituent-phone', '13712345678');
    await page.fill('#constituent-id', '11010519491231002X');
    await shot(page, 'member-constituent');
    await page.click('#submit-report');
    await page.waitForSelector(`#my-reports >> text=${title}`);
    await page.click(`#my-reports tr:has-text("${title}")`);
    await page.waitForSelector('#personal-kinds');
    seen.member = { kinds: (await page.textContent('#personal-kinds')).trim(),
      masked: (await page.textContent('#constituent-masked')).replace(/\s+/g, ' ').trim() };
    await shot(page, 'member-personal-masked');
    await context.close();

    // 2. the editor sees it masked, then reveals it with a purpose — from a browser that claims to be 6.6.6.6
    ({ context, page } = await session(editor, 'queues'));
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': '6.6.6.6' });
    await openCase(page, 'editing', title);
    await page.waitForSelector('#constituent-masked');
    seen.editor = { masked: (await page.textContent('#constituent-masked')).replace(/\s+/g, ' ').trim(),
      body: (await page.textContent('#case-body')).trim() };
    await page.click('#reveal');
    await page.fill('#reveal-reason', '电话回访群众核实积水情况');
    await page.click('#reveal-confirm');
    await page.waitForSelector('#revealed-phone');
    seen.editor.revealed = { phone: (await page.textContent('#revealed-phone')).trim(),
      idNumber: (await page.textContent('#revealed-idNumber')).trim() };
    await shot(page, 'editor-personal-revealed');
    await page.keyboard.press('Escape');
    await closeDrawer(page);
    await context.close();

    // 3. the auditor finds the reveal in the audit log and verifies the chain
    ({ context, page } = await session(auditor, 'audit'));
    const row = '#audit-table tr:has-text("查看个人信息"):has-text("电话回访群众核实积水情况")';
    await until(page, row, () => page.click('text=刷新'));
    seen.auditor = { row: (await page.textContent(row)).replace(/\s+/g, ' ').trim() };
    seen.auditor.address = (await page.textContent(row + ' >> td:nth-child(' + await addressColumn(page) + ')')).trim();
    await page.click('#audit-verify');
    await page.waitForSelector('#audit-verified');
    seen.auditor.verified = (await page.textContent('#audit-verified')).trim();
    await shot(page, 'auditor-audit-log');
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

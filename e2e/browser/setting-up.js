// The set-up screens in the browser: the administrator finds the departments imported for a new body,
// marks a day on next year's working calendar and saves it, keeps a deadline rule for the body; the
// security administrator imports the roster file. Screenshots go to e2e/target/screenshots. Prints what
// each screen showed as JSON; exits non-zero on any failure.
// Usage: node setting-up.js <gateway-url> <password> <body code> <body name> <department search> <roster.xlsx> <year>
const { launch, sessions, go } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, password, body, bodyName, search, roster, year] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });

let browser;
(async () => {
  browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const seen = {};
  let page;
  try {
    let context;
    ({ context, page } = await session('admin', 'admin'));
    // departments: the three imported for the new body
    await page.click('#tab-departments');
    await page.waitForSelector('#dept-table');
    await page.fill('#dept-search', search);
    await page.waitForSelector(`#dept-table tr:has-text("${bodyName}")`);
    seen.departments = await page.$$eval(`#dept-table tbody tr`, rows => rows.map(r => r.children[1].textContent.trim()));
    await shot(page, 'admin-departments');
    // one is retired (its name stays) and restored; another gets its contact edited in the dialog
    const env = '#dept-table tbody tr:has-text("生态环境局")';
    await page.click(`${env} >> text="停用"`);
    await page.waitForSelector(`${env} >> text="已停用"`);
    seen.retired = await page.evaluate(() => fetch('/api/departments/jiangdong-env').then(r => r.json()).then(d => d.active));
    await page.click(`${env} >> text="恢复启用"`);
    await page.waitForSelector(`${env} >> text="启用"`);
    const transport = '#dept-table tbody tr:has-text("交通运输局")';
    await page.click(`${transport} >> text="编辑"`);
    await page.fill('#dept-phone', '0898-65559999');
    await page.click('#dept-save');
    await page.waitForSelector(`${transport}:has-text("0898-65559999")`);
    seen.edited = await page.evaluate(() => fetch('/api/departments/jiangdong-transport').then(r => r.json()).then(d => d.phone));

    // working calendar: next year as entered from the notice; one more day marked and saved
    await page.click('#tab-calendar');
    await page.waitForSelector('#calendar-year');
    await page.click('.el-select__wrapper:has(#calendar-year)');
    await page.click(`.el-select-dropdown__item:visible:has-text("${year} 年")`);
    await page.waitForSelector(`[data-date="${year}-01-01"]`);
    seen.newYearsDay = await page.getAttribute(`[data-date="${year}-01-01"]`, 'class');
    await page.click(`[data-date="${year}-12-31"]`);
    await page.click('#calendar-save');
    await page.waitForFunction(y => fetch('/api/calendar/' + y).then(r => r.json())
      .then(c => c.holidays.includes(y + '-12-31')), year);
    seen.savedDay = year + '-12-31';
    seen.recountNote = (await page.textContent('#calendar-save ~ .muted')).trim();
    await shot(page, 'admin-calendar');

    // deadlines: 10 working days for 一般 at the new body
    await page.click('#tab-deadlines');
    await page.waitForSelector('#deadline-rules');
    await page.click('.el-select__wrapper:has(#deadline-org)');
    await page.click(`.el-select-dropdown__item:visible:has-text("${bodyName}")`);
    await page.fill('#deadline-veryUrgentDays', '2');
    await page.fill('#deadline-urgentDays', '5');
    await page.fill('#deadline-normalDays', '10');
    await page.keyboard.press('Tab');
    await page.click('#deadline-save');
    await page.waitForSelector(`#deadline-rules tr:has-text("${bodyName}")`);
    seen.deadlineRow = (await page.textContent(`#deadline-rules tr:has-text("${bodyName}")`)).replace(/\s+/g, ' ').trim();
    await shot(page, 'admin-deadlines');
    await context.close();

    // the security administrator imports the roster
    ({ context, page } = await session('security-admin', 'people'));
    await page.waitForSelector('#people-table');
    await page.setInputFiles('#people-file', roster);
    await page.waitForSelector('#people-imported');
    seen.imported = (await page.textContent('#people-imported')).trim();
    await page.fill('#people-search', search.slice(0, 2));
    await page.keyboard.press('Enter');
    await shot(page, 'security-admin-people');
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    if (page) await page.screenshot({ path: path.join(shots, 'setting-up-failure.png'), fullPage: true }).catch(() => {});
    console.error(JSON.stringify(seen));
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

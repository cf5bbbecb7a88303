// 批量操作 in the office's queues, as a leader and a clerk would do it: the leader ticks the reports
// waiting for sign-off and signs them off at once; the editor ticks the signed-off ones, opens 批量交办,
// picks a department for those without a rule and leaves one without — that one is named as not done with
// its reason, the others are assigned —, urges the assigned ones with one note, and exports them as CSV.
// Prints what each step saw as JSON; exits non-zero on any failure.
// Usage: node bulk.js <gateway-url> <editor> <leader> <password> <title-prefix> <count>
const { launch, sessions, openQueue, until, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, editor, leader, password, prefix, countArg] = process.argv.slice(2);
const count = Number(countArg);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });

let browser;
(async () => {
  browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const seen = {};
  const rows = `#queue-items tr:has-text("${prefix}")`;
  try {
    // the leader signs off every report of the batch at once
    let { context, page } = await session(leader, 'queues');
    await chooseAll(page, 'sign-off');
    seen.chosen = (await page.textContent('#bulk-count')).trim();
    await page.click('#bulk-sign-off');
    await page.waitForSelector('#bulk-confirm');
    await page.click('#bulk-ok');
    await page.waitForSelector('#bulk-summary');
    seen.signedOff = (await page.textContent('#bulk-summary')).trim();
    seen.focusOnResults = await page.evaluate(() => document.activeElement?.id);
    await shot(page, 'leader-bulk-sign-off');
    await context.close();

    // the editor assigns them: a department for all but the last, which has no rule and stays unassigned
    ({ context, page } = await session(editor, 'queues'));
    await chooseAll(page, 'assignment');
    await page.click('#bulk-assign');
    await page.waitForSelector(`#bulk-preview tr:has-text("${prefix}")`);
    const titles = await page.$$eval(`#bulk-preview tbody tr`, trs => trs.map(tr => tr.cells[0].textContent.trim()));
    for (const title of titles.slice(0, -1)) {
      const input = `#bulk-preview tr:has-text("${title}") input`;
      await page.click(`#bulk-preview tr:has-text("${title}") .el-select__wrapper`);
      await page.fill(input, '龙华区住房');
      // the options of this row's picker: the list its input controls
      const list = await page.getAttribute(input, 'aria-controls');
      await page.click(`[id="${list}"] .el-select-dropdown__item:has-text("海口市龙华区住房和城乡建设局")`);
      await page.waitForSelector(`[id="${list}"]`, { state: 'hidden' });
    }
    seen.unassigned = (await page.textContent('#bulk-unassigned')).trim();
    await shot(page, 'editor-bulk-assign');
    await page.click('#bulk-ok');
    await page.waitForSelector('#bulk-summary');
    seen.assigned = {
      summary: (await page.textContent('#bulk-summary')).trim(),
      failed: await page.$$eval('#bulk-failed li', lis => lis.map(li => li.textContent.trim())),
      left: titles[titles.length - 1],
    };
    await shot(page, 'editor-bulk-results');

    // 批量催办 of the assigned ones, then their export
    await chooseAll(page, 'handling');
    await page.click('#bulk-urge');
    await page.fill('#bulk-comment', '请于本周五前反馈办理进展');
    await page.click('#bulk-ok');
    await page.waitForSelector('#bulk-summary');
    seen.urged = (await page.textContent('#bulk-summary')).trim();
    await chooseAll(page, 'handling');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-export')]);
    const file = path.join(shots, '..', 'bulk-export.csv');
    await download.saveAs(file);
    const csv = fs.readFileSync(file, 'utf8');
    seen.exported = { name: download.suggestedFilename(), bom: csv.charCodeAt(0) === 0xFEFF,
      header: csv.slice(1).split('\r\n')[0], rows: csv.split('\r\n').filter(l => l.includes(prefix)).length };
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error(e);
    await failed(browser, shots, 'bulk', seen);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }

  /** Opens a queue, waits for the batch, and ticks each of its reports. */
  async function chooseAll(page, queue) {
    await openQueue(page, queue);
    if (!(await page.$('.bar .el-select__selected-item:has-text("最新优先")'))) {
      await page.click('.bar .el-select__wrapper >> nth=0');
      await page.click('.el-select-dropdown__item:visible:has-text("最新优先")');
      await page.waitForTimeout(300);
    }
    await until(page, rows + `:nth-of-type(1)`, () => page.click('text=刷新'));
    for (let i = 0; i < 60 && (await page.$$(rows)).length < expected(queue); i++) {
      await page.click('text=刷新');
      await page.waitForTimeout(500);
    }
    for (const row of await page.$$(rows)) {
      const box = await row.$('input.pick');
      if (!(await box.isChecked())) await box.check();
    }
  }

  function expected(queue) {
    return queue === 'handling' ? count - 1 : count;
  }
})();

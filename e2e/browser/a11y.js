// Accessibility of every screen: each role signs in and opens every screen its menu offers, the member's
// report form, the office's case drawer, an action dialog and the bulk bar, in the normal and the 长辈版
// (large text) mode; axe-core (WCAG 2.1 A/AA, the rules GB/T 37668-2019 level AA asks for) runs on each.
// Any serious or critical violation fails the run. Also checks that the main flows can be reached with the
// keyboard alone: the focus is visible and moves through the menu and into the screen.
// Writes e2e/target/a11y/a11y.json and a11y.md; prints the summary as JSON.
// Usage: node a11y.js <gateway-url> <password> <user>...
const { launch, sessions, go, axe, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, password, ...users] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
const out = path.resolve(__dirname, '../target/a11y');
fs.mkdirSync(shots, { recursive: true });
fs.mkdirSync(out, { recursive: true });

let browser;
(async () => {
  browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const results = [];
  const keyboard = {};
  try {
    for (const user of users) {
      const { context, page } = await session(user, await firstScreen(user));
      const screens = await page.$$eval('.side [id^=nav-]', items => items.map(i => i.id.slice(4)));
      for (const screen of screens) {
        await go(page, screen);
        await settle(page);
        results.push(await check(page, user + ' · ' + screen));
        if (screen === 'reports' && await page.$('#write')) {
          await page.click('#write');
          await page.waitForSelector('#report-title');
          await settle(page);
          results.push(await check(page, user + ' · reports · 写信息'));
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
        }
        if (screen === 'reports' && await page.$('#my-reports tbody tr')) {
          await page.click('#my-reports tbody tr .el-table__cell:nth-child(1)');
          await settle(page);
          results.push(await check(page, user + ' · reports · 信息详情'));
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
        }
        if (screen === 'inbox' && await page.$('#inbox tbody tr')) {
          await page.click('#inbox tbody tr .el-table__cell:nth-child(1)');
          await settle(page);
          results.push(await check(page, user + ' · inbox · 承办件详情'));
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
        }
        if (screen === 'queues') {
          // every queue and list: 待采编 … 待办结, 逾期督办, 回头看, 重新办理申请
          const tabs = await page.$$eval('#queues .el-tabs__item', items => items.map(i => i.id));
          for (const tab of tabs.slice(1)) {
            await page.click('#' + tab);
            await settle(page);
            results.push(await check(page, user + ' · queues · ' + tab.replace('tab-', '')));
          }
          await page.click('#' + tabs[0]);
          await settle(page);
        }
        if (screen === 'admin') {
          const tabs = await page.$$eval('#admin-tabs .el-tabs__item', items => items.map(i => i.id));
          for (const tab of tabs.slice(1)) {
            await page.click('#' + tab);
            await settle(page);
            results.push(await check(page, user + ' · admin · ' + tab.replace('tab-', '')));
          }
        }
        if (screen === 'queues' && await page.$('#queue-items tbody tr')) {
          await page.click('#queue-items tbody tr .el-table__cell:nth-child(2)');
          await page.waitForSelector('#case-status');
          await settle(page);
          results.push(await check(page, user + ' · queues · 信息详情'));
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
          await page.check('#queue-items tbody tr input.pick');
          await page.waitForSelector('#bulk-bar');
          results.push(await check(page, user + ' · queues · 批量操作'));
        }
      }
      // 长辈版 on the first screen
      await page.click('#elder-mode');
      await go(page, screens[0]);
      await settle(page);
      results.push(await check(page, user + ' · ' + screens[0] + ' · 长辈版'));
      await page.click('#elder-mode');
      keyboard[user] = await tabThrough(page);
      await context.close();
    }
    if (users.includes('member-district') && users.includes('editor-district')) {
      keyboard.journey = await keyboardJourney(session);
    }
    const blocking = results.filter(r => r.blocking.length);
    const summary = { screens: results.length, blocking: blocking.length, keyboard, results };
    fs.writeFileSync(path.join(out, 'a11y.json'), JSON.stringify(summary, null, 2));
    fs.writeFileSync(path.join(out, 'a11y.md'), table(results));
    console.log(JSON.stringify({ screens: results.length, blocking: blocking.map(b => ({ screen: b.screen, rules: b.blocking })),
      keyboard }));
    if (blocking.length) process.exitCode = 1;
  } catch (e) {
    console.error(e);
    await failed(browser, shots, 'a11y', results);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }

  async function firstScreen(user) {
    return { 'member-district': 'reports', 'officer-district': 'reports', 'dept-longhua-housing': 'inbox', admin: 'admin',
      auditor: 'audit', 'security-admin': 'people' }[user] || 'queues';
  }

  async function check(page, screen) {
    const r = await axe(page, screen);
    return r;
  }
})();

/**
 * The keyboard alone, no mouse: the member writes and submits a report (Tab to 写信息, Enter, type, Tab to
 * 提交, Enter); the editor ticks it in 待采编 with Space and returns it with 批量退回, and lands on the result.
 */
async function keyboardJourney(session) {
  const title = '键盘操作：公交站台缺少座椅 ' + Date.now();
  const done = {};
  let { context, page } = await session('member-district', 'reports');
  await tabTo(page, '#write');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#report-title');
  await tabTo(page, '#report-title');
  await page.keyboard.type(title);
  await tabTo(page, '#report-body');
  await page.keyboard.type('多个公交站台没有座椅，老年人候车不便。建议增设座椅。');
  await tabTo(page, '#submit-report');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#my-reports >> text=${title}`, { timeout: 30000 });
  done.submitted = true;
  await context.close();

  ({ context, page } = await session('editor-district', 'queues'));
  const box = `#queue-items input.pick[aria-label="选择：${title}"]`;
  for (let i = 0; i < 60 && !(await page.$(box)); i++) {
    await page.click('text=刷新');
    await page.waitForTimeout(500);
  }
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await tabTo(page, '#bulk-return');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#bulk-comment');
  await tabTo(page, '#bulk-comment');
  await page.keyboard.type('请补充具体站台名称');
  await tabTo(page, '#bulk-ok');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#bulk-summary');
  done.returned = (await page.textContent('#bulk-summary')).trim();
  done.focus = await page.evaluate(() => document.activeElement?.id);
  await context.close();
  return done;
}

/** Presses Tab until the focus is on (or inside) the element; fails after 80 presses. */
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate(s => { const el = document.querySelector(s); return !!el && (el === document.activeElement || el.contains(document.activeElement)); }, selector)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached ' + selector);
}

/** Lets a screen's data arrive: no loading mask, no skeleton, a moment for transitions. */
async function settle(page) {
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"]), .el-skeleton'),
    null, { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(300);
}

/**
 * Keyboard alone, from the top of the page: Tab reaches the 长辈版 switch, the menu and the screen, and the
 * element with the focus always shows it (an outline or a box shadow that differs from the unfocused look).
 */
async function tabThrough(page) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.mouse.click(1, 1);
  const stops = [];
  let invisible = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
      return { id: el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 12), tag: el.tagName, visible,
        inMenu: !!el.closest('.side'), inMain: !!el.closest('.el-main') };
    });
    if (!stop) continue;
    stops.push(stop);
    if (!stop.visible) invisible++;
  }
  return { stops: stops.length, invisible, menu: stops.some(s => s.inMenu), main: stops.some(s => s.inMain),
    elder: stops.some(s => s.id === 'elder-mode'), without: stops.filter(s => !s.visible).slice(0, 5).map(s => s.tag + ' ' + s.id) };
}

function table(results) {
  const lines = ['# Accessibility: axe-core on every screen (WCAG 2.1 A/AA)', '',
    '| screen | rules passed | critical | serious | moderate | minor | serious/critical rules |', '|---|---|---|---|---|---|---|'];
  for (const r of results) {
    lines.push(`| ${r.screen} | ${r.passes} | ${r.byImpact.critical || 0} | ${r.byImpact.serious || 0} | ${r.byImpact.moderate || 0} | `
      + `${r.byImpact.minor || 0} | ${r.blocking.map(b => b.rule).join(', ')} |`);
  }
  return lines.join('\n') + '\n';
}

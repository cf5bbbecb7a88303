// Duplicates in the office's screens: a member writes two accounts of one problem in different words
// (reports r001 and r002 of the labelled evaluation set); seconds later the district editor sees the
// first among the second's similar reports marked 很可能重复, compares the two with their shared
// passages marked, and merges the second into the first from the comparison. Before the merge the
// editor finds both on the search screen by a keyword (marked in the results) and asks for reports
// like the first; the member finds theirs from "my reports". Screenshots go to
// e2e/target/screenshots. Prints what it saw as JSON; exits non-zero on any failure.
// Usage: node duplicates.js <gateway-url> <member> <editor> <password>
const { launch, sessions, go, openCase, closeDrawer, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, member, editor, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name, fullPage = true) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage });
const set = Object.fromEntries(fs.readFileSync(path.resolve(__dirname,
  '../../intake-service/src/test/resources/similarity/duplicates-labelled.tsv'), 'utf8')
  .split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split('\t')).map(f => [f[0], { title: f[4], body: f[5] }]));

let browser;
(async () => {
  browser = await launch();
  const session = sessions(browser, gateway, password, shots);
  const seen = {};
  const stamp = ' ' + Date.now();
  const first = set.r001.title + stamp;
  const second = set.r002.title + stamp;
  try {
    let { context, page } = await session(member, 'reports');
    for (const [title, text] of [[first, set.r001], [second, set.r002]]) {
      await page.click('#write');
      await page.fill('#report-title', title);
      await page.fill('#report-body', text.body);
      await page.click('#submit-report');
      await page.waitForSelector(`#my-reports >> text=${title}`);
    }
    const mine = await page.evaluate(() => fetch('/api/reports?scope=mine&size=50').then(r => r.json()));
    seen.ids = { first: mine.items.find(r => r.title === first).id, second: mine.items.find(r => r.title === second).id };
    // the member searches their own reports: the stamp in both titles, marked
    for (let i = 0; i < 30; i++) {
      await page.fill('#my-search', '');
      await page.keyboard.press('Enter'); // the box searches when its text changes
      await page.fill('#my-search', stamp.trim());
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      if ((await page.$$('#my-reports mark')).length >= 2) break;
    }
    seen.memberSearch = await page.$$eval('#my-reports tbody tr', rows => rows.length);
    await shot(page, 'member-search', false);
    await context.close();

    ({ context, page } = await session(editor, 'queues'));
    const row = `#similar tr:has-text("${first}")`;
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      await openCase(page, 'editing', second);
      await page.click('.el-tabs__item:has-text("相似信息")');
      await page.waitForTimeout(700);
      if (await page.$(row + ' .verdict')) break;
      await closeDrawer(page);
    }
    seen.similar = { verdict: (await page.textContent(row + ' .verdict')).trim(), waitedMs: Date.now() - started };
    await shot(page, 'editor-similar');
    await closeDrawer(page);

    // the search screen: a keyword finds both, marked; "more like this" of the first ranks the second on top
    await go(page, 'search');
    await page.fill('#search-q', '加装电梯 ' + stamp.trim());
    await page.click('#search-go');
    await page.waitForSelector(`#search-results tr:has-text("${second}") mark`); // the keyword results, not the first listing
    seen.search = { total: (await page.textContent('#search-total')).trim(),
      marked: await page.$$eval('#search-results mark', m => m.length) };
    await shot(page, 'editor-search');
    await page.click(`#search-results tr:has-text("${first}") .more-like`);
    await page.waitForSelector('#search-like');
    // the ranking by meaning has no keywords to mark: wait for it to replace the keyword results
    await page.waitForFunction(() => !document.querySelector('#search-results mark')
      && document.querySelector('#search-results tbody tr'));
    // the paraphrase (or an identical copy left by an earlier run on the same platform) ranks first
    seen.moreLike = (await page.textContent('#search-results tbody tr:first-child')).includes(set.r002.title);
    await shot(page, 'editor-more-like');
    await go(page, 'queues');
    await openCase(page, 'editing', second);
    await page.click('.el-tabs__item:has-text("相似信息")');
    await page.waitForSelector(row + ' .verdict');
    await page.click('#act-start-editing');
    await page.waitForSelector('#action-form');
    await page.click('#action-ok');
    await page.waitForSelector('#action-form', { state: 'hidden' });
    await page.waitForSelector('#act-merge');
    await page.click('.el-tabs__item:has-text("相似信息")');
    await page.click(row + ' .compare');
    await page.waitForSelector('#compare-dialog mark.pair');
    seen.compare = { marks: await page.$$eval('#compare-dialog mark.pair', m => m.length),
      sharedWords: await page.$$eval('#shared-words .word', w => w.map(x => x.textContent.trim())) };
    await shot(page, 'editor-compare');
    await page.click('#compare-merge');
    await page.waitForSelector('#action-form');
    seen.mergeInto = await page.inputValue('#merge-into');
    await page.click('#action-ok');
    await page.waitForSelector('#action-form', { state: 'hidden' });
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('合并'));
    seen.status = (await page.textContent('#case-status')).trim();
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    await failed(browser, shots, 'duplicates', seen);
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

// One report's whole life in the web app, each role in its own browser session signed in through
// Keycloak's login page: a member writes it, the district office's editor edits it (diff of versions),
// the leader signs it off, the editor assigns it, the department accepts it, uploads its letter (with
// progress) and answers, the editor decides it adopted and closes it, the member sees the outcome and
// rates it, and the leader's dashboard shows the same numbers as the API. Screenshots of every screen
// go to e2e/target/screenshots. Prints what each step saw as JSON; exits non-zero on any failure.
// Usage: node lifecycle.js <gateway-url> <member> <editor> <leader> <department> <password>
const { launch, sessions, go, until, openCase, act, closeDrawer, failed } = require('./common.js');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [gateway, member, editor, leader, department, password] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name, fullPage = true) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage });

let browser;
let session;
(async () => {
  browser = await launch();
  session = sessions(browser, gateway, password, shots);
  const seen = {};
  const title = '浏览器全流程：老旧小区加装电梯资金缺口 ' + Date.now();
  try {
    // 1. the member writes the report
    let { context, page } = await session(member, 'reports');
    // 长辈版: switched from the header, the text at least 18 px with a line height of at least 1.5, remembered
    await page.click('#elder-mode');
    await page.waitForFunction(() => document.documentElement.classList.contains('elder'));
    const size = () => page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('#my-reports') || document.body)
      return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) }
    });
    seen.elder = { on: await size() };
    await shot(page, 'member-elder', false);
    await page.reload();
    await page.waitForSelector('#elder-mode');
    seen.elder.remembered = await page.evaluate(() => document.documentElement.classList.contains('elder'));
    await page.click('#elder-mode');
    seen.elder.off = await size();
    await page.click('#write');
    await page.fill('#report-title', title);
    await page.fill('#report-body', '部分老旧小区加装电梯意愿强烈，但资金筹措困难。建议统筹补贴资金，简化审批流程。');
    await page.fill('#report-suggestions', '设立专项补贴；推行“一站式”审批。');
    await shot(page, 'member-write', false);
    await page.click('#submit-report');
    await page.waitForSelector(`#my-reports >> text=${title}`);
    const mine = await page.evaluate(() => fetch('/api/reports?scope=mine&size=50').then(r => r.json()));
    const reportId = mine.items.find(r => r.title === title).id;
    seen.submitted = { reportId };
    await context.close();

    // 2. the editor edits it: start editing, then a new revision, and sees the diff
    ({ context, page } = await session(editor, 'queues'));
    await openCase(page, 'editing', title);
    await act(page, 'start-editing');
    await page.waitForSelector('#act-edit');
    await act(page, 'edit', async () => {
      await page.fill('#edit-body', '部分老旧小区加装电梯意愿强烈，但资金筹措困难、审批环节多。建议统筹补贴资金，简化审批流程。');
      await page.fill('#edit-note', '补充审批问题');
    });
    await page.click('text=修改记录');
    await page.waitForSelector('#diff-body .insert');
    seen.edited = { inserted: (await page.textContent('#diff-body .insert')).trim() };
    await shot(page, 'editor-case-diff');
    await closeDrawer(page);
    await shot(page, 'editor-queues');
    await context.close();

    // 3. the leader signs it off
    ({ context, page } = await session(leader, 'queues'));
    await openCase(page, 'sign-off', title);
    await shot(page, 'leader-sign-off');
    await act(page, 'sign-off');
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('已签发'));
    seen.signedOff = { status: (await page.textContent('#case-status')).trim() };
    await context.close();

    // 4. the editor enters the vice mayor's instruction given on paper (ordering assignment, the scanned
    // page attached), then assigns it to the department
    ({ context, page } = await session(editor, 'queues'));
    await openCase(page, 'assignment', title);
    const scan = path.join(os.tmpdir(), 'minyi-instruction-scan.pdf');
    fs.writeFileSync(scan, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await act(page, 'record-instruction', async () => {
      await page.fill('#ri-leader-name', '陈志强');
      await page.fill('#ri-post', '副区长');
      await page.click('.el-select__wrapper:has(#ri-level)');
      await page.click('.el-select-dropdown__item:visible:has-text("区（县）级领导")');
      await page.setInputFiles('#ri-scan', scan);
      await page.waitForSelector('#ri-scan-done');
      await page.fill('#action-comment', '请区住建局牵头研究，拿出补贴办法。');
      await page.click('.el-checkbox:has(#orders-assignment)');
      await shot(page, 'editor-paper-instruction', false);
    });
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('已批示'));
    seen.instruction = {
      card: (await page.textContent('.instruction')).replace(/\s+/g, ' ').trim(),
      scan: await page.getAttribute('.instruction .scan-link', 'href'),
    };
    await closeDrawer(page);
    await openCase(page, 'assignment', title);
    await act(page, 'assign', async () => {
      await page.waitForTimeout(500);
      // the picker offers the registry's departments by name (海口市龙华区住房和城乡建设局 is longhua-housing)
      await page.click('.el-select__wrapper:has(#assign-department)');
      await page.fill('#assign-department', '龙华区住房');
      await page.click('.el-select-dropdown__item:visible:has-text("海口市龙华区住房和城乡建设局")');
    });
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('交办'));
    seen.assigned = { status: (await page.textContent('#case-status')).trim() };
    // the report's timeline (履历): every step so far, in order, with who and what it set
    await page.click('.el-tabs__item:has-text("履历")');
    await until(page, '#report-timeline .type:has-text("交办")', () => page.click('#timeline-refresh'));
    seen.timeline = await page.$$eval('#report-timeline .type', els => els.map(e => e.textContent.trim()));
    seen.timelineText = await page.textContent('#report-timeline');
    await shot(page, 'editor-case-timeline');
    await context.close();

    // 5. the department accepts it, uploads its letter and answers
    ({ context, page } = await session(department, 'inbox'));
    const row = `#inbox tr:has-text("${title}")`;
    await until(page, row, () => page.click('text=刷新'));
    await shot(page, 'department-inbox');
    await page.click(row);
    await page.click('#accept');
    await page.waitForFunction(() => document.querySelector('#item-state')?.textContent.includes('办理中'));
    const letter = path.join(os.tmpdir(), 'minyi-reply-letter.pdf');
    fs.writeFileSync(letter, '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await page.setInputFiles('#reply-file', letter);
    await page.waitForSelector('text=minyi-reply-letter.pdf');
    const answer = '经研究，我局将会同财政部门设立加装电梯专项补贴，并于年内推行联合审批。';
    await page.fill('#reply-text', answer);
    await page.fill('#reply-letter', '龙住建函〔2026〕12号');
    await shot(page, 'department-reply');
    await page.click('#send-reply');
    await page.waitForFunction(() => document.querySelector('#item-state')?.textContent.includes('已答复'));
    seen.responded = { state: (await page.textContent('#item-state')).trim() };
    await context.close();

    // 6. the editor decides it adopted (district level) and closes it
    ({ context, page } = await session(editor, 'queues'));
    await openCase(page, 'outcome', title);
    await act(page, 'decide', async () => {
      await page.click('.el-select__wrapper:has(#decide-level)');
      await page.click('.el-select-dropdown__item:has-text("区级采纳")');
      await page.fill('#action-comment', '答复具体可行，予以采纳。');
    });
    await page.waitForSelector('#act-close');
    await act(page, 'close');
    await page.waitForFunction(() => document.querySelector('#case-status')?.textContent.includes('办结'));
    seen.closed = { status: (await page.textContent('#case-status')).trim() };
    await context.close();

    // 7. the member sees the outcome and rates the answer
    ({ context, page } = await session(member, 'reports'));
    const mineRow = `#my-reports tr:has-text("${title}")`;
    await until(page, `${mineRow}:has-text("办结")`, () => page.click('#tab-reports'));
    await page.click(mineRow);
    await page.waitForSelector('#outcome-tag');
    await until(page, '#rating', async () => { await closeDrawer(page); await page.click(mineRow); });
    seen.outcome = { tag: (await page.textContent('#outcome-tag')).trim(), response: (await page.textContent('#outcome-response')).trim() };
    await page.click('#rating >> text=满意');
    await page.click('#rate');
    await page.waitForSelector('#my-rating');
    seen.rated = (await page.textContent('#my-rating')).trim();
    await shot(page, 'member-outcome');
    await closeDrawer(page);
    await go(page, 'notifications');
    await page.waitForSelector('#notifications .note');
    seen.notifications = await page.$$eval('#notifications .note', n => n.length);
    await shot(page, 'member-notifications');
    // on a phone (390 × 844) the list is cards: the report, its state and time, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => { location.hash = '#/reports' }); // the side menu is behind ☰ on a phone
    await page.waitForSelector(`#my-report-cards .card:has-text("${title}")`);
    seen.phone = await page.evaluate(t => {
      const card = [...document.querySelectorAll('#my-report-cards .card')].find(c => c.textContent.includes(t));
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, card: card.textContent.replace(/\s+/g, ' ').trim(),
        cardRight: card.getBoundingClientRect().right, width: window.innerWidth };
    }, title);
    await shot(page, 'member-phone', false);
    await page.click(`#my-report-cards .card:has-text("${title}")`);
    await page.waitForSelector('#outcome-tag');
    await context.close();

    // 8. the leader's dashboard shows the API's numbers
    ({ context, page } = await session(leader, 'dashboard'));
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#card-adopted .value')?.textContent.trim()));
    const api = await page.evaluate(() => fetch('/api/stats/summary').then(r => r.json()));
    seen.dashboard = { ui: { received: (await page.textContent('#card-received .value')).trim(),
      adopted: (await page.textContent('#card-adopted .value')).trim() },
    api: { received: String(api.received), adopted: String(api.adopted) } };
    await context.close();

    // the admin's screens
    ({ context, page } = await session('admin', 'admin'));
    await page.waitForSelector('#org-tree >> text=龙华区政协');
    await shot(page, 'admin-org-tree');
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    await failed(browser, shots, 'lifecycle', seen);
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });

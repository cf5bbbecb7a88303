// The member's journey on a phone (390 × 844, touch), in two parts around the office's work:
//   write   — 我的信息 as cards (no sideways scrolling at 360, 390 and 414 px), 写信息 takes the whole screen,
//             the report typed in it, then the network drops: 提交 keeps it on the device (the outbox shows
//             it), a reload without a network still opens the app (the service worker's copy), and with the
//             network back the app sends it (under its first Idempotency-Key) and its card shows 已提交;
//   outcome — the same member later opens the card: status 已办结, the outcome and the answer, rates it 满意.
// Prints what was seen as JSON; exits non-zero on any failure.
// Usage: node phone.js <gateway-url> write|outcome <member> <password> <title>
const { launch, signIn, failed } = require('./common.js');
const fs = require('fs');
const path = require('path');

const [gateway, part, member, password, title] = process.argv.slice(2);
const shots = path.resolve(__dirname, '../target/screenshots');
fs.mkdirSync(shots, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(shots, name + '.png'), fullPage: false });
const app = gateway + '/app/index.html#/reports';

let browser;
(async () => {
  browser = await launch();
  const seen = {};
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true,
      hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(60000);
    await signIn(page, gateway, member, password);
    await page.goto(app, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#my-report-cards');
    if (part === 'write') await write(context, page, seen);
    else await outcome(page, seen);
    await context.close();
    console.log(JSON.stringify(seen));
  } catch (e) {
    console.error(e);
    await failed(browser, shots, 'phone-' + part, seen);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();

async function write(context, page, seen) {
  seen.widths = {};
  for (const width of [360, 414, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.waitForTimeout(300);
    seen.widths[width] = await overflow(page);
  }
  // the service worker has taken over the app's page, so it opens without a network later
  await page.waitForFunction(() => navigator.serviceWorker?.controller || navigator.serviceWorker?.ready.then(() => true), null,
    { timeout: 30000 }).catch(() => {});
  await page.tap('#write');
  await page.waitForSelector('#report-title');
  await page.waitForTimeout(400);
  seen.form = await page.evaluate(() => {
    const d = document.querySelector('.report-form');
    return { width: Math.round(d.getBoundingClientRect().width), fullscreen: d.classList.contains('is-fullscreen'),
      screen: window.innerWidth };
  });
  await page.tap('#report-title');
  await page.keyboard.type(title);
  await page.tap('#report-body');
  await page.keyboard.type('多个公交站台没有座椅，老年人候车不便。建议在客流较大的站台增设座椅和遮阳棚。');
  seen.form.overflow = await overflow(page);
  seen.form.focusVisible = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await shot(page, 'member-phone-write');

  // the network drops: the report waits on the device
  await context.setOffline(true);
  await page.tap('#submit-report');
  await page.waitForSelector('#outbox');
  seen.outbox = (await page.textContent('#outbox')).replace(/\s+/g, ' ').trim();
  await shot(page, 'member-phone-offline');
  await page.reload({ waitUntil: 'domcontentloaded' }).catch(() => {});
  seen.offlineReload = await page.title().catch(() => '');
  await page.waitForSelector('#offline');
  seen.offlinePage = (await page.textContent('#offline')).replace(/\s+/g, ' ').trim();
  await shot(page, 'member-phone-no-network');

  // the network is back: the app carries on by itself and sends what waits
  await context.setOffline(false);
  const card = `#my-report-cards .card:has-text("${title}")`;
  await page.waitForSelector(card, { timeout: 60000 });
  await page.waitForSelector('#outbox', { state: 'detached' });
  seen.card = (await page.textContent(card)).replace(/\s+/g, ' ').trim();
  const mine = await page.evaluate(() => fetch('/api/reports?scope=mine&size=100').then(r => r.json()));
  seen.copies = mine.items.filter(r => r.title === title).length;
  seen.reportId = mine.items.find(r => r.title === title)?.id;
  await page.tap(card);
  await page.waitForSelector('#detail-status');
  seen.status = (await page.textContent('#detail-status')).trim();
  seen.detailOverflow = await overflow(page);
}

async function outcome(page, seen) {
  const card = `#my-report-cards .card:has-text("${title}")`;
  await page.waitForSelector(card);
  seen.card = (await page.textContent(card)).replace(/\s+/g, ' ').trim();
  await page.tap(card);
  await page.waitForSelector('#outcome-tag');
  seen.status = (await page.textContent('#detail-status')).trim();
  seen.outcome = { tag: (await page.textContent('#outcome-tag')).trim(), response: (await page.textContent('#outcome-response')).trim() };
  await page.waitForSelector('#rating');
  await page.tap('#rating >> text=满意');
  await page.tap('#rate');
  await page.waitForSelector('#my-rating');
  seen.rated = (await page.textContent('#my-rating')).trim();
  seen.overflow = await overflow(page);
  await shot(page, 'member-phone-outcome');
}

/** How far the page scrolls sideways (0: not at all). */
function overflow(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

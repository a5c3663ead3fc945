import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, NO_BROWSER_REASON } from '../helpers/browser.ts';
import { getJson, message, postJson, startTestServer, type TestServer } from '../helpers/embedded.ts';

if (!CHROMIUM) console.warn(`start page tests skipped: ${NO_BROWSER_REASON}`);

describe.skipIf(!CHROMIUM)('start page in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

  beforeAll(async () => {
    server = await startTestServer();
    await postJson(server.url, [
      message({ id: 'p1', conversationId: 'pc1', sentAt: `${today}T09:00:00+08:00`, text: '都五天了还没发货，太慢了' }),
      message({ id: 'p2', conversationId: 'pc2', sentAt: `${today}T09:10:00+08:00`, text: '快递压坏了，箱子破了' }),
      message({ id: 'p3', conversationId: 'pc3', sentAt: `${today}T09:20:00+08:00`, text: '<img src=x onerror="window.__xss=1"> 发票开错了 能重开吗' }),
      message({ id: 'p4', conversationId: 'pc4', sentAt: `${today}T09:30:00+08:00`, text: '好的谢谢' }),
      message({ id: 'p5', conversationId: 'pc5', sentAt: `${today}T09:40:00+08:00`, text: '东西显示签收了但我根本没收到' }),
      message({ id: 'p6', conversationId: 'pc5', sentAt: `${today}T09:41:00+08:00`, role: 'agent', text: '亲 麻烦提供一下订单号' }),
      message({ id: 'p7', conversationId: 'pc5', sentAt: `${today}T09:42:00+08:00`, text: '订单号 8123456789012' }),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every department with the counts of the stats API, and the latest complaints as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.bar');
    await page.waitForSelector('ul.msgs li .tag');

    const api = (await getJson(`${server.url}/api/stats/departments`)).body;
    const bars = await page.$$eval('.bar', (rows) => rows.map((r) => ({ name: r.querySelector('small')?.textContent, n: r.querySelector('.n')?.textContent })));
    expect(bars.map((b) => b.name)).toEqual(api.departments.map((d: any) => d.department));
    expect(bars.map((b) => Number(b.n!.replace(/,/g, '')))).toEqual(api.departments.map((d: any) => d.complaints));
    expect(await page.textContent('#k-messages')).toBe(String(api.messages));
    expect(await page.textContent('#k-complaints')).toBe(String(api.complaints));

    // Buyer text is shown as text: the markup is visible, nothing ran.
    const items = await page.$$eval('ul.msgs li > div:first-child', (els) => els.map((e) => e.textContent));
    expect(items.some((t) => t?.includes('<img src=x onerror='))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);

    // Each complaint says why it counts: the words found in it, or that its conversation and wording decided.
    const reasons = await page.$$eval('ul.msgs li', (els) => els.map((e) => ({ text: e.firstElementChild?.textContent, why: e.querySelector('.why')?.textContent })));
    const late = reasons.find((r) => r.text?.startsWith('都五天了'));
    expect(late?.why).toMatch(/^依据：.*没发货/);
    // A bare order number counts with the complaint it follows, and says so.
    const order = reasons.find((r) => r.text?.startsWith('订单号'));
    expect(order?.why).toMatch(/^依据：承接上文：.*没收到/);
    for (const r of reasons) expect(r.why).toMatch(/^依据：./);
    // Items under one half confidence are marked for review, the others are not.
    const listed = (await getJson(`${server.url}/api/messages?complaint=true&limit=30`)).body.items as { confidence: number }[];
    const marked = await page.$$eval('ul.msgs li .meta', (els) => els.map((e) => e.textContent!.includes('待复核')));
    expect(marked).toEqual(listed.map((m) => m.confidence < 0.5));
    await page.screenshot({ path: join(tmpdir(), 'fankui-start-page.png'), fullPage: true });
  });

  it('switches the range', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.bar');
    await page.click('button[data-days="7"]');
    await page.waitForFunction(() => document.querySelector('button[data-days="7"]')?.getAttribute('aria-pressed') === 'true');
    await expect.poll(async () => page.textContent('#range-title')).toContain(today);
  });
});

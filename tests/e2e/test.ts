import { test as base, expect, type Page } from '@playwright/test';
import { LATIN_ALLOW, latinWords } from './latinWords';

export * from '@playwright/test';
export { LATIN_ALLOW, latinWords };

// The watch every e2e spec runs under (import { test, expect } from './test'): no English or code on
// any screen (design rule: Chinese UI only). After each test, and at each page load along the way,
// the rendered text of the page is searched for Latin words. Identifiers with digits (credit codes,
// EMS numbers, ID numbers ending in X) are data, not words; the allow-list holds the names a clerk
// does read in Latin letters (products, file formats, units).

/** The page's text, and the words of elements marked `data-latin-ok` (login names, written in Latin letters by rule). */
async function pageText(page: Page): Promise<{ text: string; marked: string }> {
  if (page.isClosed()) return { text: '', marked: '' };
  return page
    .evaluate(() => ({
      text: document.body?.innerText ?? '',
      marked: [...document.querySelectorAll<HTMLElement>('[data-latin-ok]')].map((e) => e.innerText).join(' '),
    }))
    .catch(() => ({ text: '', marked: '' }));
}

export const test = base.extend<{ latinAllow: string[]; latinWatch: void }>({
  /** Words a spec adds to the allow-list (e.g. the usernames it creates). */
  latinAllow: [[], { option: true }],
  latinWatch: [
    async ({ page, latinAllow }, use, testInfo) => {
      const allow = new Set([...LATIN_ALLOW, ...latinAllow]);
      const seen: string[] = [];
      const check = async (where: string) => {
        const { text, marked } = await pageText(page);
        const words = latinWords(text, new Set([...allow, ...marked.split(/[^A-Za-z0-9_.-]+/u).filter(Boolean)]));
        if (words.length > 0) seen.push(`${where}（${page.url()}）：${words.join('、')}`);
      };
      // A page load, and each move between the app's pages (hash routes: same-document
      // navigations), checked once the new page has had time to render.
      const pending: Promise<void>[] = [];
      const onLoad = () => void pending.push(check('页面载入'));
      const onNavigated = (frame: import('@playwright/test').Frame) => {
        if (frame === page.mainFrame()) pending.push(new Promise<void>((r) => setTimeout(r, 700)).then(() => check('切换页面')));
      };
      page.on('load', onLoad);
      page.on('framenavigated', onNavigated);
      await use();
      page.off('load', onLoad);
      page.off('framenavigated', onNavigated);
      await Promise.all(pending);
      if (testInfo.status === testInfo.expectedStatus) await check('测试结束');
      expect(seen, `页面上出现英文或代码词：\n${seen.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

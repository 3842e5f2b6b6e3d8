// Opens the smpolicy playground in Debian's Chromium, decides the student-photo sample and prints
// what a person sees. Usage: node playground.mjs URL SCREENSHOT.png
// (playwright-core launches Chromium with a fresh temporary profile of its own.)
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('#review-status');
  await page.selectOption('#sample', 'student-photo-personal-account');
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent !== 'No decision yet.');
  const outcome = (await page.textContent('#outcome')).trim();
  const findings = await page.textContent('#findings');
  const policy = await page.textContent('#policy');
  console.log('outcome: ' + outcome);
  console.log('findings: ' + findings.replace(/\s+/g, ' ').trim());
  console.log('policy: ' + policy.replace(/\s+/g, ' ').trim());
  await page.screenshot({ path: screenshot, fullPage: true });
  if (outcome !== 'DENY' || !findings.includes('Clause 11.b')) {
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}

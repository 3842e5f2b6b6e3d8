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
  // Switching samples clears the old decision: no DENY beside a request it was not made for.
  await page.selectOption('#sample', 'student-photo-federation-account');
  const cleared = (await page.textContent('#outcome')).trim();
  console.log('after switching samples: ' + cleared);
  if (cleared !== 'No decision yet.' || (await page.textContent('#findings')).trim() !== '') {
    process.exitCode = 1;
  }
  // The consented photo holds until its consent expires, said in words.
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent !== 'No decision yet.');
  const holds = (await page.textContent('#holds')).trim();
  console.log('holds: ' + holds);
  if (!holds.startsWith('This answer holds until 1 August 2027') || !holds.endsWith('then DENY.')) {
    process.exitCode = 1;
  }
  // Obligations in words and UK time: the Saturday comment is answered by the end of Monday.
  await page.selectOption('#sample', 'comment-saturday');
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent !== 'No decision yet.');
  const duty = (await page.textContent('#obligations')).replace(/\s+/g, ' ').trim();
  console.log('obligations: ' + duty);
  if (!duty.includes("The account's runners must respond by Monday, 30 November 2026")) {
    process.exitCode = 1;
  }
  // The school picker: the same request decided by a school's own rules.
  await page.selectOption('#school', 'merriott');
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#decided-by').textContent.includes('Merriott'));
  const decidedBy = (await page.textContent('#decided-by')).trim();
  const merriottDuty = (await page.textContent('#obligations')).replace(/\s+/g, ' ').trim();
  console.log('school: ' + decidedBy + ' / ' + merriottDuty);
  // Merriott's INSET day on Monday 30 November moves the deadline to Tuesday.
  if (!merriottDuty.includes('must respond by Tuesday, 1 December 2026')) {
    process.exitCode = 1;
  }
  // The share link carries the request in the fragment; opening it brings the same request back.
  const shared = await page.inputValue('#request');
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  console.log('share link: ' + link.slice(0, 60) + '...');
  const second = await browser.newPage();
  await second.goto(link);
  await second.waitForSelector('#review-status');
  const restored = await second.inputValue('#request');
  console.log('shared request restored: ' + (restored === shared));
  if (!link.includes('#request=') || restored !== shared) {
    process.exitCode = 1;
  }
  await second.close();
  await page.selectOption('#school', '');
  // A REVIEW says what would settle it, and answering in the page decides again.
  await page.selectOption('#sample', 'share-pupil-photos-federation-account');
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent === 'REVIEW');
  const asked = (await page.textContent('#questions')).replace(/\s+/g, ' ').trim();
  console.log('questions: ' + asked);
  await page.click('#questions button.answer >> nth=0');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent !== 'REVIEW');
  const answered = (await page.textContent('#outcome')).trim();
  console.log('after answering yes: ' + answered);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-answered.png'), fullPage: true });
  if (!asked.includes('consent that covers social media') || answered !== 'ALLOW'
      || !(await page.inputValue('#request')).includes('"GRANTED"')) {
    process.exitCode = 1;
  }
  // The form follows the answer: the consent the answer wrote shows in the form too.
  const consent = await page.inputValue('#f-targetPost-images-0-people-0-consent-status');
  console.log('form after answering: consent ' + consent);
  if (consent !== 'GRANTED') {
    process.exitCode = 1;
  }
  // A head teacher without JSON: a blank contact request filled in the form, decided in words.
  await page.selectOption('#blank', 'contact');
  await page.selectOption('#f-channel', 'PERSONAL_MOBILE');
  await page.selectOption('#f-recipientRole', 'PARENT');
  await page.selectOption('#f-federationBusiness', 'yes');
  const written = JSON.parse(await page.inputValue('#request'));
  console.log('form wrote: ' + JSON.stringify(written));
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent !== 'No decision yet.');
  const formOutcome = (await page.textContent('#outcome')).trim();
  const formFindings = (await page.textContent('#findings')).replace(/\s+/g, ' ').trim();
  console.log('form decision: ' + formOutcome + ' / ' + formFindings.slice(0, 120));
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-form.png'), fullPage: true });
  if (written.type !== 'contact' || written.channel !== 'PERSONAL_MOBILE' || written.federationBusiness !== true
      || formOutcome !== 'DENY' || !formFindings.includes('Clause 7.i')) {
    process.exitCode = 1;
  }
  // The header follows the chosen school.
  await page.selectOption('#school', 'merriott');
  await page.waitForFunction(() => document.querySelector('#title').textContent.includes('Merriott'));
  console.log('title: ' + (await page.textContent('#title')).trim());
  await page.selectOption('#school', '');
  // A bad request says so and shows no findings; the JSON is one click away.
  await page.click('#json-box summary');
  await page.fill('#request', '{"type":"tweet"}');
  await page.click('#decide');
  await page.waitForFunction(() => document.querySelector('#outcome').textContent.startsWith('Bad request'));
  const error = (await page.textContent('#error')).trim();
  console.log('bad request: ' + (await page.textContent('#outcome')).trim() + ' / ' + error);
  if (!error.includes('unknown request type') || (await page.textContent('#findings')).trim() !== '') {
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}

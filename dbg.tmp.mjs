import { chromium } from '@playwright/test';

const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
await p.emulateMedia({ reducedMotion: 'no-preference' });
p.on('console', (m) => console.log('console', m.text()));
await p.goto('http://localhost:4173/?scenario=stream-echo&step=6');
await p.waitForTimeout(300);
console.log(await p.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
await p.getByRole('button', { name: 'Step forward' }).click();
console.log(await p.evaluate(() => document.getAnimations().length));
await p.waitForTimeout(50);
console.log(await p.evaluate(() => document.getAnimations().length));
await b.close();

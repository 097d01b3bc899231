// Drives headless Chromium through chromedriver's W3C WebDriver API (no npm packages): opens the suite page for
// one Digital Link URI, waits for the results the page lists, prints them. Usage: node run.js <pageUrl> <driverPort>
const [pageUrl, port] = process.argv.slice(2);
const wd = `http://127.0.0.1:${port}`;
async function call(method, path, body) {
  const r = await fetch(wd + path, {method, headers: {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body)});
  return (await r.json()).value;
}
(async () => {
  const s = await call('POST', '/session', {capabilities: {alwaysMatch: {browserName: 'chrome',
    'goog:chromeOptions': {binary: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu']}}}});
  const id = s.sessionId;
  try {
    await call('POST', `/session/${id}/url`, {url: pageUrl});
    for (let i = 0; i < 240; i++) {
      const title = await call('GET', `/session/${id}/title`);
      if (title === 'done') break;
      await new Promise(r => setTimeout(r, 500));
    }
    const text = await call('POST', `/session/${id}/execute/sync`,
        {script: "return document.getElementById('temso-results').textContent", args: []});
    console.log(text || '(no results: the suite did not finish)');
  } finally {
    await call('DELETE', `/session/${id}`);
  }
})();

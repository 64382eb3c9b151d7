// A stand-in for Reply's web app (run.reply.io, app.reply.io): one single-page app shell for
// every path, which navigates with history.pushState like the real app. Its hostile global CSS
// is there to prove that a panel the extension injects is isolated from the page's styles. It
// never calls the API, so every API request the sandbox records comes from the extension.

import type { IncomingMessage, ServerResponse } from 'node:http';

export const WEB_APP_HOSTS: ReadonlySet<string> = new Set(['run.reply.io', 'app.reply.io']);

const NAV_TASK_IDS = [101, 102, 103, 104, 105, 106];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Reply (sandbox)</title>
<style>
  /* Deliberately aggressive: inherited properties and rem units reach into shadow roots
     unless the extension's panel resets them. */
  html { font-size: 30px; }
  * { font-family: serif !important; color: red !important; line-height: 3 !important;
      letter-spacing: 2px !important; box-sizing: content-box !important; }
  div, section, button, input, textarea { margin: 7px !important; padding: 9px !important;
      border: 3px dashed lime !important; background: yellow !important; }
  button { text-transform: uppercase !important; }
  body { background: #fdf; }
  nav a { margin-right: 1em; }
  nav a[aria-current="page"] { font-weight: bold; }
</style>
</head>
<body>
<header><strong>Reply</strong> sandbox web app</header>
<nav>
  <a href="/" data-spa>Home</a>
  ${NAV_TASK_IDS.map((id) => `<a href="/tasks/${id}" data-spa data-task-id="${id}">Task ${id}</a>`).join('\n  ')}
</nav>
<main>
  <h1 id="page-title">Home</h1>
  <p>Other URL forms of task pages:
    <a href="/Dashboard/Material#/tasks/103" data-spa>hash route (103)</a>,
    <a href="/?taskId=104" data-spa>query (104)</a>.
  </p>
</main>
<script>
  function taskIdFromLocation() {
    var fromQuery = new URLSearchParams(location.search).get('taskId');
    if (fromQuery) return fromQuery;
    var match = /\\/tasks?\\/(\\d+)/.exec(location.pathname + location.hash);
    return match ? match[1] : null;
  }
  function render() {
    var id = taskIdFromLocation();
    var title = id ? 'Task ' + id : 'Home';
    document.getElementById('page-title').textContent = title;
    document.title = title + ' - Reply (sandbox)';
    document.querySelectorAll('nav a').forEach(function (a) {
      var current = a.getAttribute('data-task-id') === id || (!id && a.getAttribute('href') === '/');
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-spa]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    render();
  });
  window.addEventListener('popstate', render);
  window.addEventListener('hashchange', render);
  render();
</script>
</body>
</html>
`;

export function serveWebApp(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  res
    .writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(PAGE),
      'Cache-Control': 'no-store',
    })
    .end(req.method === 'HEAD' ? undefined : PAGE);
}

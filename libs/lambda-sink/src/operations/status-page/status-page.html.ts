/**
 * The status page's document. Static: every value is filled in by `ui/app.js` as text, so no
 * server-side templating can reflect input into markup. All URLs are relative, so the page works
 * behind a reverse proxy that serves it under a path prefix (open it as `…/prefix/`).
 */
export const STATUS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lambda Sink</title>
<link rel="stylesheet" href="ui/style.css">
</head>
<body>
<header>
  <h1>Lambda Sink <span id="name"></span></h1>
  <div class="connector">
    Connector <span id="connector-state" class="state"></span>
    <button id="pause" type="button">Pause</button>
    <button id="resume" type="button">Resume</button>
    <span class="note">In flight: <span id="in-flight">0</span> invocation(s)</span>
  </div>
  <p id="message" role="status"></p>
</header>
<form id="credentials" hidden>
  <p>Changing the sink needs credentials.</p>
  <label>User <input id="user" autocomplete="username"></label>
  <label>Password <input id="password" type="password" autocomplete="current-password"></label>
  <span>or</span>
  <label>Bearer token <input id="token" type="password" autocomplete="off"></label>
  <button type="submit">Use</button>
</form>
<main>
  <section>
    <h2>Partitions</h2>
    <table id="partitions">
      <thead><tr>
        <th>Topic</th><th>Partition</th><th>Task</th><th>State</th><th>Committed</th><th>Lag</th>
        <th>Records/s (1 min)</th><th>Invocations/s (1 min)</th><th>Last error</th><th></th>
      </tr></thead>
      <tbody></tbody>
    </table>
    <p id="no-partitions" class="note">No partition assigned to this instance.</p>
  </section>
  <section>
    <h2>Tasks</h2>
    <table id="tasks"><thead><tr><th>Task</th><th>State</th><th>Error</th></tr></thead><tbody></tbody></table>
    <p>Last connector error: <span id="connector-error" class="error">none</span></p>
  </section>
  <section>
    <h2>Configuration</h2>
    <p class="note">As loaded at startup; secrets are shown as [hidden].</p>
    <table id="config"><tbody></tbody></table>
  </section>
</main>
<footer class="note">Updated <span id="updated">never</span> · refreshes every 2 s</footer>
<script src="ui/app.js"></script>
</body>
</html>
`;

export const STATUS_PAGE_CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d2330; background: #fafbfc; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
#name { color: #4a5568; font-weight: normal; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid #dfe3ea; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f2f6; font-weight: 600; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.state { font-weight: 600; padding: .1rem .4rem; border-radius: .3rem; background: #e2e8f0; }
.state.RUNNING { background: #c6f6d5; color: #22543d; }
.state.PAUSED, .state.RESTARTING, .state.STOPPED { background: #fefcbf; color: #744210; }
.state.FAILED { background: #fed7d7; color: #822727; }
.error { color: #822727; white-space: pre-wrap; word-break: break-word; max-width: 40rem; }
.note { color: #718096; font-size: .9em; }
button { margin-left: .4rem; cursor: pointer; }
svg polyline { fill: none; stroke: #3182ce; stroke-width: 1.5; }
#message:empty { display: none; }
#message { background: #ebf8ff; padding: .4rem .6rem; border-radius: .3rem; }
form { margin: .5rem 0; padding: .5rem; background: #fff; border: 1px solid #dfe3ea; }
#config td:first-child { font-family: ui-monospace, monospace; width: 30%; }
#config td:last-child { font-family: ui-monospace, monospace; word-break: break-all; }
`;

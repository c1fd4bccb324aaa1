/**
 * The status page's script: polls `ui/state` and draws it with DOM text nodes only
 * (`textContent`, never `innerHTML`), so a topic, an error or a configuration value that holds
 * markup is shown as the characters it is. Actions call the Connect-style REST API with the
 * credentials the operator typed (kept in memory for this tab only).
 */
export const STATUS_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var REFRESH_MS = 2000;
  var SVG = 'http://www.w3.org/2000/svg';
  var authorization = null;
  var pending = null;
  var name = null;

  function byId(id) { return document.getElementById(id); }

  function cell(text, className) {
    var td = document.createElement('td');
    if (text !== null && text !== undefined) td.textContent = String(text);
    if (className) td.className = className;
    return td;
  }

  function stateBadge(state) {
    var span = document.createElement('span');
    span.className = 'state ' + state;
    span.textContent = state;
    return span;
  }

  function average(values) {
    if (!values.length) return 0;
    var sum = 0;
    for (var i = 0; i < values.length; i++) sum += values[i];
    return sum / values.length;
  }

  function sparkline(values) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '90');
    svg.setAttribute('height', '20');
    svg.setAttribute('viewBox', '0 0 90 20');
    var max = Math.max.apply(null, values.concat([1e-9]));
    var points = values.map(function (v, i) {
      var x = values.length > 1 ? (i * 90) / (values.length - 1) : 0;
      return x.toFixed(1) + ',' + (19 - (v / max) * 18).toFixed(1);
    });
    var line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.join(' '));
    svg.appendChild(line);
    return svg;
  }

  function rateCell(values) {
    var td = cell(average(values).toFixed(1) + ' ', 'number rate');
    td.appendChild(sparkline(values));
    return td;
  }

  function errorText(error) {
    if (!error) return '';
    return new Date(error.at).toISOString() + ' ' + error.message;
  }

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  function say(text) { byId('message').textContent = text; }

  function path(parts) { return parts.map(encodeURIComponent).join('/'); }

  function act(method, url, label) {
    // Marked so the API leaves out its Basic challenge: the browser's own login dialog would
    // block this request; the page asks in its form instead.
    var headers = { 'X-Requested-With': 'lambda-sink-status-page' };
    if (authorization) headers.Authorization = authorization;
    return fetch(url, { method: method, headers: headers, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) {
          pending = { method: method, url: url, label: label };
          byId('credentials').hidden = false;
          say(label + ': credentials needed (or wrong); enter them below.');
          return;
        }
        if (!response.ok) {
          return response.json().then(
            function (body) { say(label + ' refused (' + response.status + '): ' + (body && body.message ? body.message : '')); },
            function () { say(label + ' refused (' + response.status + ')'); }
          );
        }
        say(label + ' accepted.');
        refresh();
      })
      .catch(function () { say(label + ': the sink did not answer.'); });
  }

  function renderPartitions(state) {
    var body = document.querySelector('#partitions tbody');
    var rows = state.partitions.map(function (p) {
      var tr = document.createElement('tr');
      tr.dataset.partition = p.topic + '-' + p.partition;
      tr.appendChild(cell(p.topic, 'topic'));
      tr.appendChild(cell(p.partition, 'number'));
      tr.appendChild(cell(p.task, 'number'));
      var st = cell(null, 'partition-state');
      st.appendChild(stateBadge(p.state));
      if (p.retrying) st.appendChild(document.createTextNode(' retrying (' + p.retrying.attempts + ')'));
      tr.appendChild(st);
      tr.appendChild(cell(p.committedOffset === null ? '–' : p.committedOffset, 'number committed'));
      tr.appendChild(cell(p.lag === null ? '–' : p.lag, 'number lag'));
      tr.appendChild(rateCell(p.recordsPerSecond));
      tr.appendChild(rateCell(p.invocationsPerSecond));
      tr.appendChild(cell(errorText(p.lastError), 'error last-error'));
      var actions = cell(null, 'actions');
      if (p.state === 'FAILED') {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'resume-partition';
        button.textContent = 'Resume';
        button.addEventListener('click', function () {
          var url = 'connectors/' + path([name]) + '/partitions/' + path([p.topic, String(p.partition)]) + '/resume';
          act('PUT', url, 'Resume of ' + p.topic + '-' + p.partition);
        });
        actions.appendChild(button);
      }
      tr.appendChild(actions);
      return tr;
    });
    body.replaceChildren.apply(body, rows);
    byId('no-partitions').hidden = rows.length > 0;
  }

  function renderTasks(state) {
    var body = document.querySelector('#tasks tbody');
    body.replaceChildren.apply(body, state.tasks.map(function (t) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(t.id, 'number'));
      var st = cell(null);
      st.appendChild(stateBadge(t.state));
      tr.appendChild(st);
      tr.appendChild(cell(t.trace || '', 'error'));
      return tr;
    }));
  }

  function renderConfig(state) {
    var body = document.querySelector('#config tbody');
    if (body.childElementCount > 0) return;
    body.replaceChildren.apply(body, Object.keys(state.config).sort().map(function (key) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(key));
      tr.appendChild(cell(state.config[key]));
      return tr;
    }));
  }

  function render(state) {
    name = state.name;
    document.title = 'Lambda Sink: ' + state.name;
    byId('name').textContent = state.name;
    var badge = byId('connector-state');
    badge.className = 'state ' + state.connector.state;
    badge.textContent = state.connector.state;
    byId('in-flight').textContent = String(state.inFlight);
    byId('connector-error').textContent = errorText(state.connector.lastError) || 'none';
    byId('pause').disabled = state.connector.state === 'PAUSED';
    byId('resume').disabled = state.connector.state === 'RUNNING';
    renderPartitions(state);
    renderTasks(state);
    renderConfig(state);
    byId('updated').textContent = new Date(state.now).toISOString();
  }

  function refresh() {
    return fetch('ui/state', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function () { say('The sink does not answer; retrying.'); });
  }

  byId('pause').addEventListener('click', function () {
    act('PUT', 'connectors/' + path([name]) + '/pause', 'Pause');
  });
  byId('resume').addEventListener('click', function () {
    act('PUT', 'connectors/' + path([name]) + '/resume', 'Resume');
  });
  byId('credentials').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = byId('token').value;
    authorization = token
      ? 'Bearer ' + token
      : 'Basic ' + base64(byId('user').value + ':' + byId('password').value);
    byId('credentials').hidden = true;
    if (pending) act(pending.method, pending.url, pending.label);
    pending = null;
  });

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
`;

// The import page: sends the chosen file with an upload progress bar, as a dry run first; shows the problems as a
// table (row, column, message); the commit button sends the same file again for real. No framework.
(function () {
  'use strict';
  var form = document.getElementById('importForm');
  if (!form) { return; }
  var progress = document.getElementById('progress');
  var summary = document.getElementById('summary');
  var table = document.getElementById('problems');
  var commit = document.getElementById('commit');

  function fill(text, r) {
    return text.replace('{rows}', r.rows).replace('{created}', r.created).replace('{updated}', r.updated)
      .replace('{unchanged}', r.unchanged).replace('{problems}', (r.problems || []).length);
  }

  function show(status, r) {
    var body = table.querySelector('tbody');
    body.textContent = '';
    var problems = (r && r.problems) || [];
    problems.forEach(function (p) {
      var tr = document.createElement('tr');
      [p.row, p.column, p.message].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = String(v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.hidden = problems.length === 0;
    if (!r || r.rows === undefined) {
      summary.textContent = form.dataset.failed + ' ' + ((r && r.detail) || status);
      commit.hidden = true;
      return;
    }
    summary.textContent = fill(r.dryRun ? form.dataset.summaryDry
      : (r.committed ? form.dataset.summaryDone : form.dataset.summaryRefused), r);
    commit.hidden = !(r.dryRun && problems.length === 0);
  }

  function send(dryRun) {
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    var data = new FormData();
    data.append('file', file);
    var url = form.dataset.url + '?kind=' + encodeURIComponent(document.getElementById('kind').value)
      + '&dryRun=' + dryRun + '&codeProperty=' + encodeURIComponent(document.getElementById('codeProperty').value);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Temso-Upload', '1');
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
    };
    xhr.onload = function () {
      progress.value = 100;
      var r = null;
      try { r = JSON.parse(xhr.responseText); } catch (ignored) { r = null; }
      show(xhr.status, r);
    };
    xhr.onerror = function () { show('network', null); };
    summary.textContent = '…';
    xhr.send(data);
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); send(true); });
  commit.addEventListener('click', function () { commit.hidden = true; send(false); });
  document.getElementById('file').addEventListener('change', function () { commit.hidden = true; });
})();

/**
 * The preview page: plain HTML and a small script, no build step. All data goes in through
 * textContent or into sandboxed iframes (mail bodies), never through innerHTML.
 */
export const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Student-Led Conferences — local preview</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 Roboto, Arial, sans-serif; color: #202124; display: grid; grid-template-rows: auto auto 1fr; height: 100vh; }
  #stand-ins { margin: 0; padding: 4px 12px; border-bottom: 1px solid #dadce0; font-size: 12px; }
  header { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 16px; margin: 0; font-weight: 500; flex: 1 0 auto; }
  button { font: inherit; border: 1px solid #dadce0; background: #fff; color: #174ea6; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
  button[aria-selected="true"] { background: #e8f0fe; border-color: #1a73e8; }
  :focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
  .layout { display: grid; grid-template-columns: 1fr 300px; min-height: 0; }
  .workspace { display: grid; grid-template-rows: auto 1fr; min-width: 0; min-height: 0; }
  nav { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px 8px; border-bottom: 1px solid #dadce0; }
  #view { overflow: auto; padding: 8px; }
  aside { border-left: 1px solid #dadce0; display: grid; grid-template-rows: auto 1fr; min-height: 0; }
  aside .bar { padding: 6px 8px; border-bottom: 1px solid #dadce0; font-weight: 500; display: flex; justify-content: space-between; }
  aside iframe { width: 300px; height: 100%; border: 0; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; text-align: left; }
  th { background: #f1f3f4; font-weight: 500; color: #3c4043; position: sticky; top: 0; }
  td.rownum { background: #f1f3f4; color: #3c4043; }
  tr.frozen td { font-weight: 600; background: #e8f0fe; }
  td input { font: inherit; width: 100%; min-width: 120px; border: 0; outline: 2px solid #1a73e8; }
  td.active { outline: 2px solid #1a73e8; background: #d2e3fc; }
  .card { border: 1px solid #dadce0; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
  .card h3 { margin: 0 0 4px; font-size: 14px; font-weight: 500; }
  .muted { color: #5f6368; }
  .card iframe { width: 100%; height: 220px; border: 1px solid #e0e0e0; }
  .card .body { height: 224px; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
  .stand-in { font-style: italic; }
  dialog { width: min(760px, 90vw); padding: 0; border: 1px solid #dadce0; border-radius: 8px; }
  dialog .bar { display: flex; justify-content: space-between; align-items: center; padding: 6px 10px; border-bottom: 1px solid #dadce0; }
  dialog h2 { font-size: 15px; font-weight: 500; margin: 0; }
  dialog iframe { width: 100%; height: 70vh; border: 0; }
  label { display: block; margin: 6px 0 2px; }
  input[type=text], input[type=email], input[type=url], select, textarea { width: 100%; max-width: 420px; font: inherit; padding: 3px; }
header select { width: auto; }
.chart .bar-row { display: flex; align-items: center; gap: 4px; margin: 2px 0; }
.chart .bar-label { width: 140px; overflow: hidden; white-space: nowrap; }
.chart .bar { display: inline-block; min-width: 14px; padding: 0 3px; color: #fff; font-size: 11px; background: #1a73e8; }
.chart .bar.s1 { background: #d93025; }
</style>
</head>
<body>
<header>
  <h1>Student-Led Conferences — local preview <span class="muted" id="school"></span></h1>
  <label class="muted" for="sample">Sample school</label>
  <select id="sample"></select>
  <time class="muted" id="clock"></time>
  <button type="button" id="advance-hour">+1 hour</button>
  <button type="button" id="advance-day">+1 day</button>
  <button type="button" id="open-sidebar">Extensions › Student-Led Conferences › Open</button>
  <span id="menu"></span>
</header>
<dialog id="dialog" aria-labelledby="dialog-title">
  <div class="bar"><h2 id="dialog-title"></h2><button type="button" id="close-dialog">Close</button></div>
  <iframe id="dialog-frame" title="Add-on dialog" sandbox="allow-scripts allow-modals"></iframe>
</dialog>
<p class="muted stand-in" id="stand-ins">Stand-ins for Google, all in this computer’s memory: the spreadsheet,
  MailApp (an outbox; nothing is sent), Calendar, Forms (answered in this page), LanguageApp (tags
  the English text with the language instead of translating), triggers and a virtual clock that
  moves only with the buttons; Google’s speed and daily quotas are modelled.</p>
<div class="layout">
  <section class="workspace" aria-label="Spreadsheet and Workspace">
    <nav id="tabs" aria-label="Sheets and services"></nav>
    <div id="view" role="region" aria-label="Selected tab" tabindex="0"></div>
  </section>
  <aside aria-label="Add-on sidebar">
    <div class="bar"><span>Sidebar</span><button type="button" id="close-sidebar">Close</button></div>
    <iframe id="sidebar" title="Student-Led Conferences sidebar"></iframe>
  </aside>
</div>
<script>
(function () {
  var state = null;
  var current = null;
  var lastActive = '';
  // The answer to the last submission of each form: the page re-renders at once (the trigger
  // changed the sheets), and the family still needs to see that its answer went in.
  var submitted = {};
  function h(tag, attrs) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    // Children may be nested lists (a form's fields, a grid's rows): flattened in order.
    function add(c) {
      if (c == null || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else node.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    for (var i = 2; i < arguments.length; i++) add(arguments[i]);
    return node;
  }
  function letters(n) { var s = ''; for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; }
  function activeBox(sheet) {
    var a = state.spreadsheet.activeRange;
    if (!a || a.sheet !== sheet) return null;
    var m = /^([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?$/.exec(a.a1);
    if (!m) return null;
    function col(s) { var n = 0; for (var i = 0; i < s.length; i++) n = n * 26 + s.charCodeAt(i) - 64; return n; }
    var c1 = col(m[1]), r1 = +m[2];
    return { r1: r1, c1: c1, c2: m[3] ? col(m[3]) : c1, r2: m[4] ? +m[4] : r1 };
  }
  function inActive(sheet, r, c) {
    var b = activeBox(sheet);
    return !!b && r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2;
  }
  function sheetView(sheet) {
    // A selection may lie past the last filled cell (a missing column is reported one past the
    // end): the grid reaches it, as Sheets shows empty cells.
    var box = activeBox(sheet.name);
    var width = sheet.values.reduce(function (w, r) { return Math.max(w, r.length); }, box ? box.c2 : 0);
    var head = h('tr', {}, h('th', {}, ''), Array.from({ length: width }, function (_, i) { return h('th', { scope: 'col' }, letters(i + 1)); }));
    // One empty row below the last: a new row (another window, another student) is typed there.
    var body = sheet.values.concat([[]]).map(function (row, r) {
      return h('tr', { class: r < sheet.frozenRows ? 'frozen' : '' }, h('td', { class: 'rownum' }, r + 1),
        Array.from({ length: width }, function (_, c) {
          var v = row[c] == null ? '' : row[c];
          var attrs = { title: v, 'data-row': r + 1, 'data-column': c + 1 };
          if (inActive(sheet.name, r + 1, c + 1)) attrs['class'] = 'active';
          if (r === 0 && sheet.notes[c]) attrs.title = sheet.notes[c];
          return h('td', attrs, v);
        }));
    });
    if (sheet.values.length === 0) return h('p', { class: 'muted' }, 'This sheet is empty.');
    var table = h('table', { 'aria-label': sheet.name, ondblclick: function (ev) { editCell(sheet.name, ev.target.closest('td[data-row]')); } }, h('thead', {}, head), h('tbody', {}, body));
    return (sheet.charts || []).map(chartView).concat([h('p', { class: 'muted' }, 'Double-click a cell to edit it; Enter or clicking away writes it, Escape leaves it as it was.'), table]);
  }
  // A cell typed as in Sheets (Enter or a click elsewhere writes it, Escape does not): the text
  // goes to the server, which writes it with the Range API (setValue reads it as Sheets reads
  // typing: numbers, dates, a leading ' for plain text).
  function editCell(sheetName, td) {
    if (!td || td.querySelector('input')) return;
    var row = +td.getAttribute('data-row'), column = +td.getAttribute('data-column');
    var was = td.textContent;
    var input = h('input', { type: 'text', 'aria-label': sheetName + ' ' + letters(column) + row, value: was });
    var done = false;
    function finish(write) {
      if (done) return;
      done = true;
      if (!write || input.value === was) { td.textContent = was; return; }
      post('/api/cell', { sheet: sheetName, row: row, column: column, value: input.value }).then(function (r) {
        if (!r.ok) { td.textContent = was; td.title = r.message; }
        load();
      });
    }
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); finish(true); }
      else if (ev.key === 'Escape') finish(false);
    });
    // Clicking away writes what was typed, as Sheets does; only Escape gives it up.
    input.addEventListener('blur', function () { finish(true); });
    td.replaceChildren(input);
    input.focus();
    input.select();
  }
  // An embedded chart drawn as bars: one row per label, one bar per series, scaled to the largest value.
  function chartView(chart) {
    var max = chart.series.reduce(function (m, s) { return Math.max.apply(null, [m].concat(s.values)); }, 1);
    return h('figure', { class: 'card chart' }, h('figcaption', {}, chart.title),
      chart.labels.map(function (label, i) {
        return h('div', { class: 'bar-row' }, h('span', { class: 'bar-label' }, label), chart.series.map(function (s, k) {
          var v = s.values[i];
          // A blank cell (a teacher with no answers yet) is no bar, as in Sheets' chart, not a 0.
          if (v == null) return h('span', { class: 'muted no-value', title: s.name + ': none yet' }, 'none yet');
          return h('span', { class: 'bar s' + k, style: 'width:' + Math.round((v / max) * 160) + 'px', title: s.name + ': ' + v }, String(v));
        }));
      }),
      h('p', { class: 'muted' }, chart.series.map(function (s, k) { return h('span', { class: 'bar s' + k }, s.name); })));
  }
  // Times as the school reads them: in the spreadsheet's time zone, whatever the browser's.
  function formatted(ms, parts) {
    return new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: state.spreadsheet.timeZone }, parts)).format(new Date(ms));
  }
  function when(ms) { return formatted(ms, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }); }
  function timeOf(ms) { return formatted(ms, { hour: 'numeric', minute: '2-digit' }); }
  // Long lists (a big school's round sends thousands of messages) are drawn a slice at a time:
  // the first slice at once, each further one in its own task, so the page answers clicks
  // meanwhile. A newer drawing stops an older one.
  var drawing = 0;
  function inSlices(items, draw) {
    var box = h('div', { class: 'cards' });
    var mine = ++drawing;
    function slice(from) {
      if (mine !== drawing) return;
      box.append.apply(box, items.slice(from, from + 200).map(draw));
      if (from + 200 < items.length) setTimeout(function () { slice(from + 200); }, 0);
      else box.setAttribute('data-drawn', String(items.length));
    }
    slice(0);
    return box;
  }
  // A message's HTML body gets its sandboxed frame only while it is near the screen: a frame is
  // a whole document, and hundreds of them at once froze the page for tens of seconds.
  var frames = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      var slot = e.target;
      if (e.isIntersecting && !slot.firstChild) slot.append(h('iframe', { sandbox: '', srcdoc: slot.html, title: slot.getAttribute('data-title') }));
      else if (!e.isIntersecting && slot.firstChild) slot.replaceChildren();
    });
  }, { root: document.getElementById('view'), rootMargin: '800px 0px' });
  function mailView() {
    var note = h('p', { class: 'muted stand-in' }, 'The emulator’s outbox (MailApp): nothing here was sent to anyone.');
    if (state.mail.length === 0) return [note, h('p', { class: 'muted' }, 'No mail sent yet.')];
    return [note, inSlices(state.mail.slice().reverse(), function (m) {
      var body;
      if (m.htmlBody) {
        body = h('div', { class: 'body', 'data-title': 'Message ' + m.id });
        body.html = m.htmlBody;
        frames.observe(body);
      } else body = h('pre', {}, m.body);
      var translated = /^\\[([a-z-]+)\\] /i.exec(m.subject);
      return h('div', { class: 'card' },
        h('h3', {}, m.subject),
        h('p', { class: 'muted' }, 'To ' + m.to.join(', ') + (m.cc.length ? ' · cc ' + m.cc.join(', ') : '') + (m.bcc.length ? ' · bcc ' + m.bcc.length : '') + ' · ' + when(Date.parse(m.sentAt)) + (m.name ? ' · from ' + m.name : '')),
        translated ? h('p', { class: 'muted stand-in' }, 'Stand-in for LanguageApp: the English text tagged [' + translated[1] + ']. Google Translate would translate it.') : null,
        body);
    })];
  }
  function calendarView() {
    var events = (state.calendar && state.calendar.events) || [];
    var note = h('p', { class: 'muted stand-in' }, 'An emulated Calendar: no one was invited. Times in ' + state.spreadsheet.timeZone + '.');
    if (events.length === 0) return [note, h('p', { class: 'muted' }, 'No calendar events yet.')];
    return [note, inSlices(events, function (e) {
      return h('div', { class: 'card' },
        h('h3', {}, e.title),
        h('p', { class: 'muted' }, when(e.start) + ' – ' + timeOf(e.end) + (e.location ? ' · ' + e.location : '')),
        h('p', {}, 'Guests: ' + (e.guests || []).map(function (g) { return g.email + ' (' + g.status + ')'; }).join(', ')),
        h('pre', {}, e.description || ''));
    })];
  }
  function formsView() {
    var forms = (state.forms && state.forms.forms) || state.forms || [];
    if (!forms.length) return h('p', { class: 'muted' }, 'No forms yet.');
    return forms.map(function (f) {
      var fields = (f.items || []).filter(function (i) { return i.type !== 'SECTION_HEADER' && i.type !== 'PAGE_BREAK'; }).map(function (item, n) {
        var id = 'f-' + f.id + '-' + n;
        var input;
        if (item.type === 'GRID') {
          // One choice per row, answered as "Title [Row]" (as the response sheet names it).
          return [h('p', {}, item.title), item.rows.map(function (row, r) {
            var rid = id + '-' + r;
            return [h('label', { for: rid }, row), h('select', { id: rid, name: item.title + ' [' + row + ']' }, h('option', { value: '' }, ''), item.columns.map(function (c) { return h('option', { value: c }, c); }))];
          })];
        }
        if (item.choices && item.choices.length) {
          input = h('select', { id: id, name: item.title, multiple: item.type === 'CHECKBOX' }, h('option', { value: '' }, ''), item.choices.map(function (c) { return h('option', { value: c }, c); }));
        } else if (item.type === 'SCALE') {
          var lo = item.lowerBound || 1, hi = item.upperBound || 5;
          input = h('select', { id: id, name: item.title }, h('option', { value: '' }, ''), Array.from({ length: hi - lo + 1 }, function (_, k) { return h('option', { value: String(lo + k) }, String(lo + k)); }));
        } else input = h(item.type === 'PARAGRAPH_TEXT' ? 'textarea' : 'input', { id: id, name: item.title, type: 'text' });
        return [h('label', { for: id }, item.title + (item.required ? ' *' : '')), input];
      });
      var asksWhen = f.title.indexOf('when can you come') >= 0;
      var emailId = 'f-' + f.id + '-email';
      var urlId = 'f-' + f.id + '-url';
      var out = h('p', { role: 'status' }, submitted[f.id] || '');
      var form = h('form', {
        onsubmit: function (ev) {
          ev.preventDefault();
          var answers = {};
          Array.prototype.forEach.call(form.querySelectorAll('[name]'), function (el) {
            if (el.name === '__email' || el.name === '__url') return;
            var value = el.multiple ? Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; }) : el.value;
            if (value !== '' && !(Array.isArray(value) && value.length === 0)) answers[el.name] = value;
          });
          var link = form.querySelector('[name=__url]').value;
          if (link) Object.keys(answers).forEach(function (k) { if (/ code$/.test(k) && !answers[k]) delete answers[k]; });
          post('/api/forms/submit', { formId: f.id, answers: answers, url: link, email: form.querySelector('[name=__email]').value }).then(function (r) {
            submitted[f.id] = r.ok ? 'Submitted; the add-on’s trigger ran (see Executions).' : r.message;
            out.textContent = submitted[f.id];
            load();
          });
        }
      }, h('label', { for: emailId }, 'Answer as (email)'), h('input', { id: emailId, name: '__email', type: 'email' }),
        h('label', { for: urlId }, asksWhen
          ? 'Family’s own link (from its availability email, or pick a family below)'
          : 'Own link (a family’s Feedback Link from the Schedule, or a student’s link below)'), h('input', { id: urlId, name: '__url', type: 'url' }),
        asksWhen ? h('p', { class: 'muted' }, (state.familyLinks || []).slice(0, 12).map(function (l) {
          return h('button', { type: 'button', onclick: function () { form.querySelector('[name=__url]').value = l.url; } }, l.familyId);
        })) : null,
        // A student's own link, by Student ID, on the prep or reflection form that link opens.
        (function () {
          var mine = (state.studentLinks || []).map(function (l) {
            var url = [l.prep, l.reflection].filter(function (u) { return u && u.indexOf('/' + f.publishedId + '/') >= 0; })[0];
            return url ? { studentId: l.studentId, url: url } : null;
          }).filter(Boolean).slice(0, 12);
          return mine.length ? h('p', { class: 'muted' }, mine.map(function (l) {
            return h('button', { type: 'button', 'data-student': l.studentId, onclick: function () { form.querySelector('[name=__url]').value = l.url; } }, 'Student ' + l.studentId);
          })) : null;
        })(),
        fields, h('p', {}, h('button', { type: 'submit' }, 'Submit as a family')), out);
      return h('div', { class: 'card' }, h('h3', {}, f.title), h('p', { class: 'muted' }, (function (n) { return n + (n === 1 ? ' response' : ' responses'); })(f.responses ? f.responses.length : 0)), form);
    });
  }
  function executionsView() {
    return h('table', { 'aria-label': 'Executions' },
      h('thead', {}, h('tr', {}, ['Entry', 'Auth', 'Calls', 'Modelled s', 'Outcome'].map(function (x) { return h('th', { scope: 'col' }, x); }))),
      h('tbody', {}, state.executions.map(function (e) {
        return h('tr', {}, h('td', {}, e.entry), h('td', {}, e.authMode), h('td', { title: JSON.stringify(e.callsByMethod) }, e.calls), h('td', {}, (e.elapsedMs / 1000).toFixed(1)), h('td', {}, e.error || 'ok'));
      })));
  }
  function tabs() {
    var names = state.spreadsheet.sheets.map(function (s) { return s.name; }).concat(['Mail (' + state.mail.length + ')', 'Calendar', 'Forms', 'Executions']);
    // The first tab shown is the school's first own sheet: a form's response sheet goes in
    // front of the others (as Google inserts it) and is empty until families answer.
    var first = names.find(function (n) { return !/^Form Responses \\d+$/.test(n); }) || names[0];
    if (!current || names.map(function (n) { return n.replace(/ \\(.*/, ''); }).indexOf(current) < 0) current = first;
    document.getElementById('tabs').replaceChildren.apply(document.getElementById('tabs'), names.map(function (n) {
      var key = n.replace(/ \\(\\d+\\)$/, '');
      return h('button', { type: 'button', 'aria-selected': String(key === current), 'data-tab': key, onclick: function () { current = key; render(); } }, n);
    }));
  }
  // What the view on screen was drawn from: a view whose data has not changed is left as it is.
  // The sidebar makes the page reload its state after every call; redrawing the Mail view each
  // time rebuilt every message's frame (a hundred and more in a round) and could keep a slow
  // machine's browser busy for tens of seconds.
  var drawn = '';
  // The sample menu: the schools the preview can open, the one on show chosen.
  function sampleMenu() {
    var menu = document.getElementById('sample');
    var options = (state.samples || []).map(function (x) { return { value: x.name, label: x.label }; });
    if (!state.sample) options.unshift({ value: '', label: 'A school of its own' });
    var key = JSON.stringify([options, state.sample]);
    if (menu.getAttribute('data-drawn') === key) return;
    menu.setAttribute('data-drawn', key);
    menu.replaceChildren.apply(menu, options.map(function (o) { return h('option', { value: o.value, selected: o.value === (state.sample || '') }, o.label); }));
  }
  // The add-on's menu items other than Open, as the Extensions menu lists them.
  var menuDrawn = '';
  function menu() {
    var items = [];
    state.menus.forEach(function (m) {
      m.items.forEach(function (i) { if (i.functionName && i.functionName !== 'showSidebar') items.push([m.title, i]); });
    });
    var signature = JSON.stringify(items);
    if (signature === menuDrawn) return;
    menuDrawn = signature;
    document.getElementById('menu').replaceChildren.apply(document.getElementById('menu'), items.map(function (pair) {
      return h('button', { type: 'button', onclick: function () { runMenu(pair[1].functionName); } }, 'Extensions › ' + pair[0] + ' › ' + pair[1].caption);
    }));
  }
  // A dialog the add-on showed since the page last looked is shown, as the editor shows it.
  var dialogsSeen = null;
  function dialog() {
    if (dialogsSeen === null) dialogsSeen = state.dialogs;
    if (state.dialogs === dialogsSeen || !state.dialog) return;
    dialogsSeen = state.dialogs;
    document.getElementById('dialog-title').textContent = state.dialog.title;
    document.getElementById('dialog-frame').srcdoc = state.dialog.html;
    var box = document.getElementById('dialog');
    if (!box.open) box.showModal();
  }
  function runMenu(functionName) {
    post('/api/menu', { functionName: functionName }).then(load);
  }
  function render() {
    menu();
    dialog();
    document.getElementById('school').textContent = '· ' + state.spreadsheet.name;
    sampleMenu();
    var clock = document.getElementById('clock');
    clock.textContent = 'Virtual time: ' + when(Date.parse(state.now)) + ' (' + state.spreadsheet.timeZone + ')';
    clock.setAttribute('datetime', state.now);
    tabs();
    var sheet = state.spreadsheet.sheets.find(function (s) { return s.name === current; });
    var view = document.getElementById('view');
    var data = sheet ? [sheet, state.spreadsheet.activeRange] : current === 'Mail' ? state.mail.length : current === 'Calendar' ? state.calendar : current === 'Forms' ? [state.forms, state.familyLinks, submitted] : state.executions;
    var signature = current + '|' + JSON.stringify(data);
    if (signature !== drawn) {
      drawn = signature;
      var content = sheet ? sheetView(sheet) : current === 'Mail' ? mailView() : current === 'Calendar' ? calendarView() : current === 'Forms' ? formsView() : executionsView();
      view.replaceChildren.apply(view, [].concat(content));
    }
    // A problem clicked again brings its cell back into sight, redrawn or not.
    var active = view.querySelector('td.active');
    if (active) active.scrollIntoView({ block: 'center', inline: 'center' });
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }
  function load() {
    // Mail is only ever added to: the page asks for what came after the messages it holds.
    // The other parts come only when they changed: the page says which versions it holds.
    var held = state ? state.mail : [];
    var kept = state;
    var have = kept ? Object.keys(kept.versions).map(function (k) { return k + ':' + kept.versions[k]; }).join(',') : '';
    return fetch('/api/state?mailFrom=' + held.length + '&have=' + encodeURIComponent(have)).then(function (r) { return r.json(); }).then(function (s) {
      s.mail = s.mailFrom === held.length ? held.concat(s.mail) : s.mail;
      s.same.forEach(function (k) { s[k] = kept[k]; });
      state = s;
      var a = s.spreadsheet.activeRange;
      var key = a ? a.sheet + '!' + a.a1 : '';
      // Follow a new selection (a problem clicked in the sidebar), not an old one.
      if (a && a.sheet && key !== lastActive) current = a.sheet;
      lastActive = key;
      render();
    });
  }
  window.addEventListener('message', function (e) {
    if (e.data === 'slc:changed') load();
    if (e.data === 'slc:close') document.getElementById('sidebar').removeAttribute('src');
  });
  function openSidebar() {
    post('/api/menu', { functionName: 'showSidebar' }).then(function () { document.getElementById('sidebar').src = '/sidebar'; load(); });
  }
  // Another sample is another spreadsheet: the page starts again on it, the sidebar reopened.
  document.getElementById('sample').addEventListener('change', function (ev) {
    if (!ev.target.value) return;
    document.getElementById('sidebar').removeAttribute('src');
    post('/api/school', { sample: ev.target.value }).then(function () {
      state = null;
      current = null;
      lastActive = '';
      drawn = '';
      submitted = {};
      dialogsSeen = null;
      return load();
    }).then(openSidebar);
  });
  document.getElementById('open-sidebar').addEventListener('click', openSidebar);
  document.getElementById('close-dialog').addEventListener('click', function () { document.getElementById('dialog').close(); });
  document.getElementById('close-sidebar').addEventListener('click', function () { document.getElementById('sidebar').removeAttribute('src'); });
  document.getElementById('advance-hour').addEventListener('click', function () { post('/api/clock', { hours: 1 }).then(load); });
  document.getElementById('advance-day').addEventListener('click', function () { post('/api/clock', { hours: 24 }).then(load); });
  load().then(openSidebar);
})();
</script>
</body>
</html>
`;

// Staff review page. Every piece of conversation data is put on the page with textContent, never
// as HTML, so words a person typed (<script>, <img onerror>, markdown links) stay inert text.
(function () {
  'use strict';
  var S = JSON.parse(document.getElementById('staff-strings').textContent);
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var app = document.getElementById('app');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'onclick') node.addEventListener('click', attrs[key]);
      else if (key === 'onsubmit') node.addEventListener('submit', attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function request(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        if (res.status === 401) { window.location.href = '/staff'; throw new Error('signed out'); }
        if (!res.ok) throw new Error(String(res.status));
        return res.status === 204 ? null : res.json();
      });
  }

  function show(nodes) {
    app.textContent = '';
    app.appendChild(nav());
    nodes.forEach(function (node) { if (node) app.appendChild(node); });
  }

  function failed() { show([el('p', { class: 'error', role: 'alert', text: S.failed })]); }

  function nav() {
    return el('nav', {}, [
      el('button', { type: 'button', text: S.queue, onclick: function () { queue(lastFilter); } }),
      el('button', { type: 'button', text: S.summary, onclick: summary }),
      el('button', { type: 'button', text: S.audit, onclick: audit }),
      el('button', { type: 'button', text: S.signOut, onclick: function () { request('POST', '/staff/logout').then(function () { window.location.href = '/staff'; }, failed); } }),
    ]);
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString('en-GB') : ''; }

  var lastFilter = '';
  function filterForm() {
    function select(name, label, options) {
      return el('label', { text: label }, [el('select', { name: name }, options.map(function (o) { return el('option', { value: o[0], text: o[1] }); }))]);
    }
    var form = el('form', { class: 'filters', 'aria-label': S.filters, onsubmit: function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (field) { if (field.name && field.value) params.set(field.name, field.value); });
      queue(params.toString());
    } }, [
      el('label', { text: S.from }, [el('input', { type: 'date', name: 'from' })]),
      el('label', { text: S.to }, [el('input', { type: 'date', name: 'to' })]),
      el('label', { text: S.channel }, [el('input', { type: 'text', name: 'channel', size: '10' })]),
      select('flag', S.flag, [['', S.flagAny], ['risk', S.flagRisk], ['callback', S.flagCallback], ['none', S.flagNone]]),
      select('reviewed', S.reviewed, [['', S.reviewedAny], ['true', S.reviewedYes], ['false', S.reviewedNo]]),
      el('button', { type: 'submit', class: 'primary', text: S.apply }),
    ]);
    return form;
  }

  function queue(filter) {
    lastFilter = filter || '';
    request('GET', '/staff/api/conversations' + (lastFilter ? '?' + lastFilter : '')).then(function (data) {
      var rows = data.conversations.map(function (c) {
        var flags = [];
        if (c.risk) flags.push(el('div', { class: 'flag-risk', text: S.risk + ': ' + c.risk.category + ', ' + c.risk.severity + ' (' + c.risk.who + ', ' + c.risk.when + ') ' + when(c.risk.at) }));
        if (c.callback) flags.push(el('div', { class: 'flag-callback', text: (c.callback.done ? S.callbackDone : S.callback) + ' ' + when(c.callback.at) }));
        return el('tr', { 'data-key': c.key }, [
          el('td', {}, flags.length ? flags : [el('span', { text: '—' })]),
          el('td', { text: c.channelId }),
          el('td', { text: when(c.last) }),
          el('td', { text: String(c.messages) }),
          el('td', { text: c.review.reviewed ? S.reviewedBy + ' ' + when(c.review.reviewed.at) : S.notReviewed }),
          el('td', {}, [el('button', { type: 'button', text: S.open, onclick: function () { open(c.key); } })]),
        ]);
      });
      var table = rows.length
        ? el('table', {}, [
            el('thead', {}, [el('tr', {}, [S.flag, S.channel, S.last, S.messages, S.reviewed, ''].map(function (h) { return el('th', { text: h }); }))]),
            el('tbody', {}, rows),
          ])
        : el('p', { text: S.empty });
      show([el('h1', { text: S.queue }), el('p', { id: 'alert-status', role: 'status' }), filterForm(), table]);
      request('GET', '/staff/api/alerts').then(function (a) {
        var status = document.getElementById('alert-status');
        if (status && a.enabled && a.failed > 0) {
          status.className = 'error';
          status.textContent = S.alertsFailed + ' ' + a.failed + (a.lastFailureAt ? ' (' + when(a.lastFailureAt) + ')' : '');
        }
      }, function () { /* the queue still shows */ });
    }, failed);
  }

  function entryNode(e) {
    if (e.name === 'RiskEvent') {
      var v = e.value || {};
      return el('div', { class: 'entry risk', text: S.riskEvent + ': ' + v.category + ', ' + v.severity + ', ' + v.who + ', ' + v.when + ' — ' + when(e.timestamp) });
    }
    if (e.name === 'IntentRecognizer') {
      return el('div', { class: 'entry intent', text: S.intent + ': ' + (e.value && e.value.intent) + ' (' + (e.value && e.value.score) + ')' });
    }
    if (e.type !== 'message') return el('div', { class: 'entry intent', text: e.type + (e.name ? ': ' + e.name : '') });
    var who = e.from.role === 'user' ? S.user : S.bot;
    return el('div', { class: 'entry ' + (e.from.role === 'user' ? 'user' : 'bot') }, [
      el('strong', { text: who + ' · ' + when(e.timestamp) }),
      el('div', { text: e.text || (e.value ? JSON.stringify(e.value) : '') }),
    ]);
  }

  function open(key) {
    var base = '/staff/api/conversations/' + encodeURIComponent(key);
    request('GET', base).then(function (view) {
      var note = el('textarea', { id: 'note', name: 'note' });
      if (view.card.review.reviewed) note.value = view.card.review.reviewed.note;
      var actions = el('div', { class: 'actions' }, [
        el('button', { type: 'button', class: 'primary', text: S.markReviewed, onclick: function () {
          request('POST', base + '/review', { note: note.value }).then(function () { queue(lastFilter); }, failed);
        } }),
        view.card.callback && !view.card.callback.done
          ? el('button', { type: 'button', text: S.markCallbackDone, onclick: function () { request('POST', base + '/callback-done').then(function () { open(key); }, failed); } })
          : null,
        el('a', { href: base + '/export', download: '', text: S.export }),
        el('button', { type: 'button', class: 'danger', text: S.erase, onclick: function () {
          if (window.confirm(S.eraseConfirm)) request('DELETE', base).then(function () { queue(lastFilter); }, failed);
        } }),
      ]);
      var routes = view.routes.length
        ? el('ul', {}, view.routes.map(function (r) { return el('li', { text: r.title + ' — ' + r.url }); }))
        : el('p', { text: S.noRoutes });
      show([
        el('button', { type: 'button', text: S.back, onclick: function () { queue(lastFilter); } }),
        el('h1', { text: S.transcript + ' · ' + view.card.channelId }),
        el('p', { text: view.card.review.reviewed ? S.reviewedBy + ' ' + when(view.card.review.reviewed.at) : S.notReviewed }),
        el('section', { id: 'transcript' }, view.entries.map(entryNode)),
        el('h2', { text: S.routes }), routes,
        el('label', { for: 'note', text: S.note }), note,
        actions,
      ]);
    }, failed);
  }

  function summary() {
    request('GET', '/staff/api/summary').then(function (s) {
      show([
        el('h1', { text: S.summary }),
        el('p', { text: S.conversations + ': ' + s.conversations }),
        el('h2', { text: S.riskByCategory }),
        el('ul', {}, Object.keys(s.riskEventsByCategory).map(function (k) { return el('li', { text: k + ': ' + s.riskEventsByCategory[k] }); })),
        el('h2', { text: S.topFallbacks }),
        el('ol', {}, s.topFallbacks.map(function (f) { return el('li', { text: f.text + ' (' + f.count + ')' }); })),
      ]);
    }, failed);
  }

  function audit() {
    request('GET', '/staff/api/audit').then(function (data) {
      show([
        el('h1', { text: S.audit }),
        el('table', { id: 'audit' }, [
          el('thead', {}, [el('tr', {}, [S.when, S.who, S.action, S.conversation].map(function (h) { return el('th', { text: h }); }))]),
          el('tbody', {}, data.entries.map(function (a) {
            return el('tr', {}, [el('td', { text: when(a.at) }), el('td', { text: a.who }), el('td', { text: a.action }), el('td', { text: a.conversationId || '' })]);
          })),
        ]),
      ]);
    }, failed);
  }

  // An alert's link names a conversation after '#': open it straight away.
  var linked = window.location.hash.slice(1);
  if (/^[A-Za-z0-9_-]+$/.test(linked)) open(linked);
  else queue('');
})();

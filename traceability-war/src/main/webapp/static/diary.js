/*
 * The field diary page (app/diary.xhtml), no framework. An entry is put in a queue on the phone (localStorage) with a
 * clientId (a UUID) and sent from there; on a weak or absent connection it stays queued and is sent again when the
 * connection returns (the "online" event, and every few seconds while anything waits). The server answers a clientId
 * it has seen with the entry it recorded, so sending again never writes an entry twice. User text is only ever set
 * as textContent, never as HTML. A photo waits in IndexedDB (a Blob is too big for localStorage) until its entry is
 * recorded, then goes up as multipart; the server resizes it and strips its location unless asked to keep it.
 */
(function () {
  'use strict';
  var QUEUE = 'temso.diary.queue';
  var ZONES = 'temso.diary.zones';
  var body = document.body;
  var base = body.getAttribute('data-base') || '';
  var flushing = false;
  var zones = [];
  var suggestions = [];

  function $(id) { return document.getElementById(id); }
  function enc(s) { return encodeURIComponent(s || ''); }

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function queue() { return load(QUEUE); }
  function store(q) {
    localStorage.setItem(QUEUE, JSON.stringify(q));
    $('pending').textContent = String(q.length);
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function say(text) { $('status').textContent = text; }

  function getJson(path) {
    return fetch(base + path, {credentials: 'same-origin', redirect: 'manual', headers: {Accept: 'application/json'}})
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); });
  }

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function params() { return new URLSearchParams(location.search); }

  function fillZones() {
    var z = $('zone');
    z.textContent = '';
    zones.forEach(function (zone) { option(z, zone.id, zone.code + ' – ' + zone.name); });
    if (params().get('zone')) { z.value = params().get('zone'); }
    fillSeasons();
  }

  function currentZone() {
    var id = $('zone').value;
    return zones.filter(function (z) { return z.id === id; })[0];
  }

  function fillSeasons() {
    var s = $('season');
    var zone = currentZone();
    s.textContent = '';
    (zone ? zone.seasons : []).forEach(function (season) {
      option(s, season.id, season.name + ' (' + season.startsOn + ' – ' + (season.endsOn || '') + ')');
    });
    if (params().get('season') && zone && zone.seasons.some(function (x) { return x.id === params().get('season'); })) {
      s.value = params().get('season');
    }
    if (!s.value) { say(body.getAttribute('data-no-season')); }
    showEntries();
  }

  function line(list, text, cls) {
    var li = document.createElement('li');
    li.textContent = text;
    if (cls) { li.className = cls; }
    list.appendChild(li);
  }

  /** dd/MM/yyyy HH:mm in Vietnam time, as the other pages show a moment (vn.temso.web.Labels), not the UTC of the JSON. */
  function when(iso) {
    var p = {};
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
      .forEach(function (x) { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  /** An event type's words: those of its option in the type list, which the server wrote from the bundles. */
  function typeName(code) {
    var o = Array.prototype.find.call($('type').options, function (x) { return x.value === code; });
    return o ? o.textContent : code;
  }

  function describe(e) {
    return when(e.occurredAt) + ' · ' + typeName(e.type)
      + (e.inputName ? ' · ' + e.inputName : '') + (e.dose ? ' ' + e.dose : '')
      + (e.preHarvestIntervalDays != null ? ' · PHI ' + e.preHarvestIntervalDays : '')
      + (e.note ? ' · ' + e.note : '');
  }

  function showEntries() {
    var zone = $('zone').value;
    var season = $('season').value;
    var list = $('entries');
    var waiting = queue().filter(function (i) { return i.zone === zone && i.season === season; });
    if (!season) { list.textContent = ''; return; }
    getJson('/app/diary/entries?zone=' + enc(zone) + '&season=' + enc(season)).then(function (entries) {
      list.textContent = '';
      waiting.forEach(function (i) { line(list, '⏳ ' + describe(i.body), 'pending'); });
      entries.slice().reverse().forEach(function (e) {
        line(list, describe(e), e.superseded ? 'superseded' : '');
      });
      if (!entries.length && !waiting.length) { line(list, body.getAttribute('data-empty')); }
      list.setAttribute('data-loaded', String(entries.length));
    }).catch(function () {
      list.textContent = '';
      waiting.forEach(function (i) { line(list, '⏳ ' + describe(i.body), 'pending'); });
    });
  }

  /** Sends the oldest queued entry, then the next; stops at the first that cannot be sent now. */
  function flush() {
    var q = queue();
    if (flushing || !q.length) { return; }
    flushing = true;
    var item = q[0];
    fetch(base + '/app/diary/entries?zone=' + enc(item.zone) + '&season=' + enc(item.season), {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify(item.body)
    }).then(function (r) {
      if (r.ok) {
        return r.json().then(function (entry) {
          return sendPhoto(item.body.clientId, entry, item);
        }).then(function () {
          done(item, body.getAttribute('data-sent'));
          return true;
        });
      }
      if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
        // refused for good (a field, a banned ingredient...): kept out of the queue, the reason shown
        return r.json().then(function (p) {
          done(item, body.getAttribute('data-refused') + ': ' + (p.violations && p.violations.length
            ? p.violations.map(function (v) { return v.message; }).join('; ') : p.detail));
          return true;
        }, function () { done(item, body.getAttribute('data-refused')); return true; });
      }
      return false; // signed out (a redirect), a server or storage fault: try again later
    }, function () { return false; }).then(function (sent) {
      flushing = false;
      showEntries();
      if (sent) { flush(); }
    });
  }

  /** IndexedDB store of photos waiting for their entry (key: the entry's clientId). */
  function photoStore(mode, work) {
    if (!window.indexedDB) { return Promise.resolve(null); }
    return new Promise(function (resolve) {
      var open = indexedDB.open('temso-diary', 1);
      open.onupgradeneeded = function () { open.result.createObjectStore('photos'); };
      open.onerror = function () { resolve(null); };
      open.onsuccess = function () {
        var tx = open.result.transaction('photos', mode);
        var result = work(tx.objectStore('photos'));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : null); };
        tx.onerror = function () { resolve(null); };
      };
    });
  }

  var photosBusy = false;
  var uploading = {}; // clientIds of photos on their way up: a round never sends one twice at once

  /**
   * Uploads a photo whose entry is recorded; kept for the next round unless it went up or was refused for good. It
   * carries the entry's clientId, so a resend after a lost answer is recognised by the server, not stored twice.
   */
  function uploadPhoto(p) {
    if (uploading[p.clientId]) { return Promise.resolve(); }
    uploading[p.clientId] = true;
    var form = new FormData();
    form.append('photo', p.blob, 'photo');
    return fetch(base + '/app/diary/photos?zone=' + enc(p.zone) + '&season=' + enc(p.season)
      + '&entry=' + enc(p.entry) + '&clientId=' + enc(p.clientId)
      + '&keepLocation=' + (p.keepLocation ? 'true' : 'false'), {
      method: 'POST', credentials: 'same-origin', redirect: 'manual', body: form
    }).then(function (r) {
      if (r.ok || (r.status >= 400 && r.status < 500)) {
        return photoStore('readwrite', function (s) { return s.delete(p.clientId); });
      }
    }, function () { /* offline again: the next round sends it */ }).then(function () {
      delete uploading[p.clientId];
    });
  }

  /** The photo waiting for this entry, if any, now that the entry has its id. */
  function sendPhoto(clientId, entry, item) {
    return photoStore('readonly', function (s) { return s.get(clientId); }).then(function (p) {
      if (!p) { return; }
      p.entry = entry.id;
      p.zone = item.zone;
      p.season = item.season;
      return photoStore('readwrite', function (s) { return s.put(p, clientId); }).then(function () {
        return uploadPhoto(p);
      });
    });
  }

  /** Photos of recorded entries that could not go up yet. */
  function flushPhotos() {
    if (photosBusy) { return; }
    photosBusy = true;
    photoStore('readonly', function (s) { return s.getAll(); }).then(function (all) {
      var ready = (all || []).filter(function (p) { return p.entry; });
      return ready.reduce(function (chain, p) {
        return chain.then(function () { return uploadPhoto(p); });
      }, Promise.resolve());
    }).then(function () { photosBusy = false; }, function () { photosBusy = false; });
  }

  function done(item, message) {
    store(queue().filter(function (i) { return i.body.clientId !== item.body.clientId; }));
    say(message);
  }

  function submit(ev) {
    ev.preventDefault();
    if (!$('season').value || !$('at').value) { return; }
    var phi = $('phi').value;
    var entry = {
      clientId: uuid(),
      type: $('type').value,
      occurredAt: $('at').value.length === 16 ? $('at').value + ':00+07:00' : $('at').value + '+07:00',
      inputName: $('input').value || null,
      dose: $('dose').value || null,
      preHarvestIntervalDays: phi === '' ? null : Number(phi),
      actor: $('actor').value || null,
      note: $('note').value || null
    };
    var file = $('photo').files && $('photo').files[0];
    var keep = $('keepLocation').checked;
    var queued = file
      ? photoStore('readwrite', function (s) { return s.put({clientId: entry.clientId, blob: file, keepLocation: keep}, entry.clientId); })
      : Promise.resolve();
    queued.then(function () {
      var q = queue();
      q.push({zone: $('zone').value, season: $('season').value, body: entry});
      store(q);
      showEntries();
      flush();
    });
    $('photo').value = '';
    ['input', 'dose', 'phi', 'note'].forEach(function (id) { $(id).value = ''; });
    $('banned').hidden = true;
  }

  function suggest() {
    var typed = $('input').value;
    var chosen = suggestions.filter(function (s) { return s.name === typed; })[0];
    if (chosen) {
      if (chosen.banned) {
        $('banned').hidden = false;
        $('banned').textContent = body.getAttribute('data-banned') + ': ' + chosen.bannedReason;
      }
      if (chosen.preHarvestIntervalDays != null && $('phi').value === '') {
        $('phi').value = String(chosen.preHarvestIntervalDays);
      }
      return;
    }
    $('banned').hidden = true;
    if (typed.length < 2) { return; }
    getJson('/app/diary/inputs?q=' + enc(typed)).then(function (list) {
      suggestions = list;
      var d = $('inputs');
      d.textContent = '';
      list.forEach(function (s) {
        option(d, s.name, s.banned ? '⚠ ' + body.getAttribute('data-banned')
          : (s.preHarvestIntervalDays != null ? 'PHI ' + s.preHarvestIntervalDays : ''));
      });
    }).catch(function () { /* offline: typing stays free */ });
  }

  function network() { $('net').hidden = navigator.onLine; }

  function start() {
    store(queue());
    network();
    window.addEventListener('online', function () { network(); flush(); });
    window.addEventListener('offline', network);
    setInterval(function () { flush(); flushPhotos(); }, 4000);
    $('zone').addEventListener('change', fillSeasons);
    $('season').addEventListener('change', showEntries);
    $('input').addEventListener('input', suggest);
    $('entry').addEventListener('submit', submit);
    getJson('/app/diary/zones').then(function (list) {
      zones = list;
      localStorage.setItem(ZONES, JSON.stringify(list));
    }, function () {
      zones = load(ZONES); // offline: the zones and seasons seen last
    }).then(function () {
      fillZones();
      body.setAttribute('data-ready', 'true');
      flush();
    });
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register(base + '/app/diary-sw.js', {scope: base + '/app/'}).catch(function () {});
    }
  }

  start();
}());

/*
 * Service worker of the field diary: keeps the page, its script and its style so the page opens without a
 * connection (network first, the copy kept when offline). Entries are not its business: diary.js queues them.
 */
var CACHE = 'temso-diary-1';
var SHELL = /\/(app\/diary\.xhtml|static\/diary\.(js|css))$/;

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.test(url.pathname)) {
    return;
  }
  e.respondWith(fetch(e.request).then(function (r) {
    if (r.ok && !r.redirected) {
      var copy = r.clone();
      caches.open(CACHE).then(function (c) { c.put(url.pathname, copy); });
    }
    return r;
  }).catch(function () {
    return caches.match(url.pathname);
  }));
});

// The console: the videos with their live progress, the catalog batches with their bad rows, a product
// search, upload forms and the player's embed snippet, all through this API.
//
// Names, keys and failure reasons come from uploads and manifests, so every piece of data reaches the
// page through textContent, attributes or checked URLs, never through innerHTML.
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const KEY_STORAGE = 'shoppablevideo.apiKey'; // shared with the player's review mode
  const videos = new Map(); // id -> VideoStatus
  let batchRefresh = null;

  document.addEventListener('DOMContentLoaded', () => {
    setUpKey();
    loadVideos();
    loadBatches();
    listenForCompletions();
    searchProducts('');
    $('product-search').addEventListener('submit', event => {
      event.preventDefault();
      searchProducts($('product-query').value);
    });
    $('product-more').addEventListener('click', () => searchProducts(productQuery, $('product-list').children.length));
    $('video-upload').addEventListener('submit', uploadVideo);
    $('catalog-upload').addEventListener('submit', uploadCatalog);
    $('embed-video').addEventListener('change', showEmbedSnippet);
    showEmbedSnippet();
  });

  // ---- the API key: entered once, kept in this browser, sent only on writes ----

  function setUpKey() {
    const stored = localStorage.getItem(KEY_STORAGE) ?? '';
    $('api-key').value = stored;
    $('key-state').textContent = stored ? 'saved' : 'none';
    $('key-form').addEventListener('submit', event => {
      event.preventDefault();
      const key = $('api-key').value.trim();
      if (key) localStorage.setItem(KEY_STORAGE, key); else localStorage.removeItem(KEY_STORAGE);
      $('key-state').textContent = key ? 'saved' : 'none';
    });
  }

  function writeHeaders() {
    const key = localStorage.getItem(KEY_STORAGE);
    return key ? { 'X-Api-Key': key } : {};
  }

  async function getJson(url) {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      return { ok: response.ok, status: response.status, body: response.ok ? await response.json() : null };
    } catch {
      return { ok: false, status: 0, body: null };
    }
  }

  // ---- videos, live ----

  async function loadVideos() {
    const response = await getJson('/videos?limit=50');
    if (response.ok)
      for (const status of response.body.reverse()) showVideo(status);
    $('videos-empty').hidden = videos.size > 0;
    // Each status now, and again whenever it changes; EventSource reconnects by itself after a drop.
    const updates = new EventSource('/videos/updates');
    updates.addEventListener('open', () => setLive('live', 'live'));
    updates.addEventListener('error', () => setLive('down', 'reconnecting…'));
    updates.addEventListener('video.status', event => showVideo(JSON.parse(event.data)));
  }

  function setLive(state, text) {
    $('live-state').dataset.state = state;
    $('live-state').textContent = text;
  }

  function showVideo(status) {
    const isNew = !videos.has(status.id);
    videos.set(status.id, status);
    $('videos-empty').hidden = true;
    let row = $('video-list').querySelector(`[data-video-id="${CSS.escape(status.id)}"]`);
    if (!row) {
      row = document.createElement('li');
      row.className = 'row video';
      row.dataset.videoId = status.id;
      $('video-list').prepend(row);
    }
    const saga = status.status;
    const name = element('span', 'name', status.video?.key ?? status.id);
    const state = element('span', 'state', saga.state);
    state.dataset.state = saga.state;
    const meta = element('div', 'meta');
    const percent = Math.round(saga.percent ?? 0);
    if (saga.state !== 'Completed' && saga.state !== 'Failed') {
      const progress = document.createElement('progress');
      progress.max = 100;
      progress.value = percent;
      progress.setAttribute('aria-label', `${status.video?.key ?? status.id}: ${percent}%`);
      meta.append(element('span', 'step', saga.currentStep ? `step ${saga.currentStep}` : 'waiting'), progress,
        element('span', 'percent', `${percent}%`));
    } else if (saga.state === 'Completed') {
      const link = document.createElement('a');
      link.href = `/player/${encodeURIComponent(status.id)}`;
      link.className = 'player-link';
      link.textContent = 'Open player';
      const review = document.createElement('a');
      review.href = `/player/${encodeURIComponent(status.id)}?review`;
      review.className = 'review-link';
      review.textContent = 'Review';
      meta.append(element('span', 'shots', `${status.segmentCount} shot${status.segmentCount === 1 ? '' : 's'}`), link, review);
    }
    meta.append(element('span', 'id', `id ${status.id}`));
    row.replaceChildren(name, state, meta);
    if (saga.state === 'Failed')
      row.append(element('p', 'reason', `Failed${saga.failedStep ? ` at ${saga.failedStep}` : ''}: ${saga.failureReason ?? 'no reason was recorded'}`));
    if (isNew || saga.state === 'Completed') fillEmbedChoices();
  }

  // ---- catalog batches ----

  async function loadBatches() {
    const response = await getJson('/catalog/batches?limit=50');
    if (!response.ok) return;
    const list = $('batch-list');
    list.replaceChildren(...response.body.map(batchRow));
    $('batches-empty').hidden = response.body.length > 0;
    // Counts move while a batch runs; look again until every batch has finished.
    clearTimeout(batchRefresh);
    if (response.body.some(b => b.status.state !== 'Completed' && b.status.state !== 'Failed'))
      batchRefresh = setTimeout(loadBatches, 2000);
  }

  function batchRow(batch) {
    const row = element('li', 'row batch');
    row.dataset.batchId = batch.id;
    const state = element('span', 'state', batch.status.state);
    state.dataset.state = batch.status.state;
    const meta = element('div', 'meta',
      `${batch.ingested} of ${batch.products} ingested`);
    if (batch.failed > 0) meta.append(element('span', '', `${batch.failed} photo${batch.failed === 1 ? '' : 's'} failed`));
    if (batch.removed.length > 0) meta.append(element('span', '', `${batch.removed.length} removed`));
    row.append(element('span', 'name', batch.manifest?.key ?? batch.id), state, meta);
    if (batch.status.failureReason)
      row.append(element('p', 'reason', `Failed${batch.status.failedStep ? ` at ${batch.status.failedStep}` : ''}: ${batch.status.failureReason}`));
    if (batch.errors.length > 0) {
      const details = element('details', 'bad-rows');
      details.append(element('summary', '', `${batch.errors.length} bad row${batch.errors.length === 1 ? '' : 's'}`));
      const list = document.createElement('ul');
      for (const error of batch.errors) list.append(element('li', '', `line ${error.line}: ${error.reason}`));
      details.append(list);
      row.append(details);
    }
    return row;
  }

  // A finished batch changes the catalog too: its counts and the products.
  function listenForCompletions() {
    const events = new EventSource('/events');
    for (const type of ['catalog.completed', 'catalog.failed'])
      events.addEventListener(type, () => {
        loadBatches();
        searchProducts($('product-query').value);
      });
  }

  // ---- products ----

  const PRODUCT_PAGE = 12;
  let productQuery = '';

  // A new search starts a new list; "Show more" appends the next page of the same search.
  async function searchProducts(text, offset = 0) {
    productQuery = text.trim();
    const query = productQuery;
    const response = await getJson(`/catalog/products?limit=${PRODUCT_PAGE}&offset=${offset}` +
      (query ? `&q=${encodeURIComponent(query)}` : ''));
    if (!response.ok) {
      $('product-count').textContent = `The catalog could not be read (HTTP ${response.status}).`;
      return;
    }
    const page = response.body;
    const cards = page.items.map(productCard);
    if (offset === 0) $('product-list').replaceChildren(...cards); else $('product-list').append(...cards);
    const shown = $('product-list').children.length;
    $('product-count').textContent = page.total === 0
      ? (query ? `No product matches “${query}”.` : 'The catalog is empty.')
      : `${page.total} product${page.total === 1 ? '' : 's'}${query ? ` matching “${query}”` : ''}` +
        (page.total > shown ? `, ${shown} shown` : '');
    $('product-more').hidden = shown >= page.total;
  }

  function productCard(product) {
    const card = element('li', 'card');
    card.dataset.productId = product.id;
    const image = document.createElement('img');
    image.loading = 'lazy';
    image.src = product.image;
    image.alt = product.name;
    card.append(image, element('div', 'name', product.name), element('div', 'id', product.id),
      element('div', 'price', formatPrice(product.price, product.currency)));
    return card;
  }

  function formatPrice(price, currency) {
    if (price == null) return 'price on request';
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(price);
    } catch {
      return `${price} ${currency ?? ''}`.trim();
    }
  }

  // ---- uploads ----

  async function uploadVideo(event) {
    event.preventDefault();
    const form = event.target;
    const file = $('video-file').files[0];
    const body = new FormData();
    body.append('file', file, file.name);
    const answer = await post(form, '/videos', body);
    if (answer) say(form, 'ok', `Processing ${answer.key} (id ${answer.id}); it is listed under Videos.`);
  }

  async function uploadCatalog(event) {
    event.preventDefault();
    const form = event.target;
    const manifest = $('catalog-manifest').files[0];
    const manifestText = await manifest.text();
    const body = new FormData();
    body.append('catalog', $('catalog-name').value.trim());
    body.append('manifest', manifest, manifest.name);
    // A browser sends a photo by its bare file name, but the manifest names it by a path inside the
    // catalog (images/a.jpg): send each photo under the path the manifest gives it.
    for (const photo of $('catalog-photos').files)
      body.append('photo', photo, pathInManifest(manifestText, photo.name));
    const answer = await post(form, '/catalog/uploads', body);
    if (answer) {
      say(form, 'ok', `Ingesting ${answer.manifest} (batch ${answer.id}); it is listed under Catalog batches.`);
      loadBatches();
    }
  }

  function pathInManifest(manifestText, fileName) {
    const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(?:^|[,"\\s])([^,"\\s]*/)?${escaped}(?=[",\\s]|$)`, 'm').exec(manifestText);
    return (found?.[1] ?? '') + fileName;
  }

  async function post(form, url, body) {
    const button = form.querySelector('button');
    button.disabled = true;
    say(form, 'busy', 'Uploading…');
    try {
      const response = await fetch(url, { method: 'POST', headers: writeHeaders(), body });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        const hint = response.status === 401 ? ' Enter an API key with the write scope at the top.' : '';
        say(form, 'error', `Refused (HTTP ${response.status}): ${answer?.detail ?? answer?.title ?? 'no reason given'}.${hint}`);
        return null;
      }
      return answer;
    } catch (error) {
      say(form, 'error', `The upload did not reach the API: ${error.message}`);
      return null;
    } finally {
      button.disabled = false;
    }
  }

  function say(form, state, text) {
    const result = form.querySelector('.result');
    result.dataset.state = state;
    result.textContent = text;
  }

  // ---- the embed snippet ----

  function fillEmbedChoices() {
    const select = $('embed-video');
    const chosen = select.value;
    const completed = [...videos.values()].filter(v => v.status.state === 'Completed');
    const options = completed.map(v => {
      const option = document.createElement('option');
      option.value = v.id;
      option.textContent = v.video?.key ?? v.id;
      return option;
    });
    if (options.length === 0) return;
    select.replaceChildren(...options);
    if (completed.some(v => v.id === chosen)) select.value = chosen;
    showEmbedSnippet();
  }

  function showEmbedSnippet() {
    const id = $('embed-video').value;
    $('embed-snippet').textContent =
      `<iframe src="${location.origin}/player/${id}"\n        title="Shoppable video" width="960" height="720"\n` +
      `        style="border: 0; max-width: 100%" allow="fullscreen"></iframe>`;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
})();

// The shoppable player: reads the video's status and shoppable document from the API, draws a hotspot
// for every exact product of the shot under the playhead, lists the video's products in a tray (similar
// items marked as such, to shop the look), and opens a product's details when its hotspot or tray entry
// is clicked. With ?review and a write key, review.js adds the reviewer's controls.
//
// Product names, ids and URLs come from user-supplied catalog manifests, so every piece of data reaches
// the page through textContent, attributes or checked URLs, never through innerHTML.
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const videoId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
  const api = path => `/videos/${encodeURIComponent(videoId)}${path}`;
  const products = new Map(); // productId -> ShopProduct, or null while loading / when details failed
  let similarOnly = new Set(); // products the video shows only as look-alikes
  let shoppable = null;
  let shownShot = null;
  let selectedProduct = null;
  let openedFrom = null; // the hotspot or tray item that opened the detail, to return focus to
  const shotListeners = [];
  const productListeners = [];

  document.addEventListener('DOMContentLoaded', () => {
    $('detail-close').addEventListener('click', closeProduct);
    document.addEventListener('keydown', event => {
      if (event.key === 'Escape' && !$('product-detail').hidden) closeProduct();
    });
    load();
  });

  async function load() {
    const status = await getJson(api(''));
    if (status.status === 404) return showMessage('not-found', `Video ${videoId} was not found.`);
    if (!status.ok) return showMessage('error', `The video's status could not be read (HTTP ${status.status}).`);
    const saga = status.body.status;
    if (saga.state === 'Failed') {
      const step = saga.failedStep ? ` at step ${saga.failedStep}` : '';
      const reason = (saga.failureReason ?? 'no reason was recorded').replace(/\.$/, '');
      return showMessage('failed', `Processing failed${step}: ${reason}.`);
    }
    const shoppableDocument = await getJson(api('/shoppable'));
    if (!shoppableDocument.ok) {
      // Still processing: say how far it is and look again shortly.
      showMessage('not-ready', `This video is not ready yet (state ${saga.state}, ${Math.round(saga.percent ?? 0)}%).`);
      setTimeout(load, 3000);
      return;
    }
    hideMessage();
    show(shoppableDocument.body);
  }

  async function getJson(url) {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      return { ok: response.ok, status: response.status, body: response.ok ? await response.json() : null };
    } catch (error) {
      return { ok: false, status: 0, body: null };
    }
  }

  function showMessage(state, text) {
    const message = $('player-message');
    message.dataset.state = state;
    message.textContent = text;
    message.hidden = false;
  }

  function hideMessage() {
    $('player-message').hidden = true;
  }

  function show(shoppableDocument) {
    shoppable = shoppableDocument;
    const video = $('video');
    video.src = api('/media');
    $('stage').hidden = false;
    drawShotBar();
    fillTray();
    for (const event of ['timeupdate', 'seeked', 'loadedmetadata', 'playing'])
      video.addEventListener(event, () => drawHotspots(false));
    new ResizeObserver(() => drawHotspots(true)).observe(video);
    drawHotspots(true);
    if (new URLSearchParams(location.search).has('review') && window.ShoppableReview)
      window.ShoppableReview.attach({
        videoId, api, getJson,
        currentShot: () => shownShot,
        onShotChange: listener => shotListeners.push(listener),
        onProductLoaded: listener => productListeners.push(listener),
        productName: id => products.get(id)?.name ?? id,
        layer: $('hotspots'),
        reload,
      });
  }

  // After a review: the served document has changed, so everything drawn from it is drawn again.
  async function reload() {
    const response = await getJson(api('/shoppable'));
    if (!response.ok) return;
    shoppable = response.body;
    drawShotBar();
    fillTray();
    shownShot = null;
    drawHotspots(true);
  }

  function duration() {
    const video = $('video');
    return Number.isFinite(video.duration) && video.duration > 0 ? video.duration : shoppable.video.durationSeconds;
  }

  // The last shot that starts at or before t: robust to rounding at boundaries and to gaps between shots.
  function shotAt(t) {
    let found = null;
    for (const segment of shoppable.segments)
      if (segment.startSeconds <= t + 1e-3) found = segment;
    return found;
  }

  function drawShotBar() {
    const bar = $('shot-bar');
    bar.replaceChildren();
    const total = duration();
    for (const segment of shoppable.segments) {
      const marker = document.createElement('button');
      marker.type = 'button';
      marker.className = 'shot-marker';
      marker.classList.toggle('has-products', segment.products.length > 0);
      marker.dataset.shotIndex = String(segment.index);
      marker.style.left = `${(100 * segment.startSeconds) / total}%`;
      marker.style.width = `${(100 * Math.max(0, segment.endSeconds - segment.startSeconds)) / total}%`;
      const count = segment.products.length;
      marker.setAttribute('aria-label',
        `Shot ${segment.index + 1} at ${formatTime(segment.startSeconds)}, ${count} product${count === 1 ? '' : 's'}`);
      marker.title = marker.getAttribute('aria-label');
      marker.addEventListener('click', () => { $('video').currentTime = segment.startSeconds + 0.01; });
      bar.append(marker);
    }
  }

  // The hotspot layer covers exactly the picture: with object-fit: contain the video is letterboxed
  // (or pillarboxed) inside its element, and the boxes are fractions of the picture, not of the element.
  function placeLayer() {
    const video = $('video');
    const layer = $('hotspots');
    const width = video.videoWidth || shoppable.video.width;
    const height = video.videoHeight || shoppable.video.height;
    const scale = Math.min(video.clientWidth / width, video.clientHeight / height);
    const shownWidth = width * scale;
    const shownHeight = height * scale;
    layer.style.left = `${video.offsetLeft + (video.clientWidth - shownWidth) / 2}px`;
    layer.style.top = `${video.offsetTop + (video.clientHeight - shownHeight) / 2}px`;
    layer.style.width = `${shownWidth}px`;
    layer.style.height = `${shownHeight}px`;
  }

  function drawHotspots(force) {
    placeLayer();
    const shot = shotAt($('video').currentTime);
    for (const marker of $('shot-bar').children)
      marker.classList.toggle('current', shot !== null && marker.dataset.shotIndex === String(shot.index));
    // Redraw only when the shot changes, so a hotspot does not vanish under the pointer on every tick.
    if (!force && shot === shownShot) return;
    shownShot = shot;
    for (const listener of shotListeners) listener(shot);
    const layer = $('hotspots');
    layer.replaceChildren();
    if (shot === null) {
      $('shot-label').textContent = '';
      return;
    }
    // Only exact items are pinned on the picture; similar items are look-alikes, shown in the tray.
    for (const match of shot.products.filter(isExact)) {
      const hotspot = document.createElement('button');
      hotspot.type = 'button';
      hotspot.className = 'hotspot';
      hotspot.classList.toggle('selected', match.productId === selectedProduct);
      hotspot.dataset.productId = match.productId;
      hotspot.dataset.kind = match.kind;
      hotspot.style.left = `${100 * match.box.left}%`;
      hotspot.style.top = `${100 * match.box.top}%`;
      hotspot.style.width = `${100 * match.box.width}%`;
      hotspot.style.height = `${100 * match.box.height}%`;
      const label = document.createElement('span');
      label.className = 'hotspot-label';
      hotspot.append(label);
      nameHotspot(hotspot, match.productId);
      hotspot.addEventListener('click', () => openProduct(match.productId, hotspot));
      layer.append(hotspot);
    }
    const exact = shot.products.filter(isExact).length;
    const similar = shot.products.length - exact;
    $('shot-label').textContent = `Shot ${shot.index + 1} of ${shoppable.segments.length}: ` +
      (shot.products.length === 0 ? 'no products'
        : [exact > 0 ? `${exact} product${exact === 1 ? '' : 's'}` : '', similar > 0 ? `${similar} similar` : '']
          .filter(Boolean).join(', '));
  }

  // Documents before schema 2.0 carry no match: everything they list was shown as a product.
  function isExact(match) {
    return (match.match ?? 'exact') === 'exact';
  }

  function nameHotspot(hotspot, productId) {
    const name = products.get(productId)?.name ?? productId;
    hotspot.setAttribute('aria-label', `Show product ${name}`);
    hotspot.querySelector('.hotspot-label').textContent = name;
  }

  // Exact products first, then look-alikes; a product exact in any shot counts as exact.
  function uniqueProductIds() {
    const exact = [], similar = [];
    for (const segment of shoppable.segments)
      for (const match of segment.products)
        (isExact(match) ? exact : similar).push(match.productId);
    const ids = [...new Set(exact)];
    for (const id of similar) if (!ids.includes(id)) ids.push(id);
    similarOnly = new Set(ids.filter(id => !exact.includes(id)));
    return ids;
  }

  function fillTray() {
    const tray = $('tray');
    tray.replaceChildren();
    const ids = uniqueProductIds();
    $('tray-section').hidden = ids.length === 0;
    for (const id of ids) {
      const item = document.createElement('li');
      item.className = 'tray-item';
      item.classList.toggle('similar', similarOnly.has(id));
      item.dataset.productId = id;
      item.tabIndex = 0;
      const image = document.createElement('img');
      image.alt = '';
      image.hidden = true;
      const name = document.createElement('span');
      name.className = 'tray-name';
      name.textContent = id;
      const price = document.createElement('span');
      price.className = 'tray-price';
      if (similarOnly.has(id)) {
        const badge = document.createElement('span');
        badge.className = 'tray-badge';
        badge.textContent = 'similar';
        name.after(badge);
      }
      const link = document.createElement('a');
      link.className = 'tray-link';
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = 'View in shop';
      link.hidden = true;
      item.append(image, name, price, link);
      item.addEventListener('click', event => {
        if (event.target === link) return;
        openProduct(id, item);
        seekToFirstShotOf(id);
      });
      item.addEventListener('keydown', event => { if (event.key === 'Enter') item.click(); });
      tray.append(item);
      loadProduct(id, item);
    }
  }

  async function loadProduct(id, item) {
    products.set(id, null);
    const response = await getJson(`/products/${encodeURIComponent(id)}`);
    if (!response.ok) {
      // Details are optional: the tray keeps the id, and the hotspot still opens a panel with what is known.
      item.querySelector('.tray-price').textContent = 'details unavailable';
      return;
    }
    const product = response.body;
    products.set(id, product);
    for (const listener of productListeners) listener(id);
    item.querySelector('.tray-name').textContent = product.name;
    item.querySelector('.tray-price').textContent = formatPrice(product);
    const image = item.querySelector('img');
    const imageUrl = safeUrl(product.images?.[0]);
    if (imageUrl) {
      image.src = imageUrl;
      image.alt = product.name;
      image.hidden = false;
    }
    const link = item.querySelector('a');
    const url = safeUrl(product.url);
    if (url) {
      link.href = url;
      link.hidden = false;
    }
    for (const hotspot of $('hotspots').querySelectorAll('.hotspot'))
      if (hotspot.dataset.productId === id) nameHotspot(hotspot, id);
    if (selectedProduct === id) fillDetail(id);
  }

  function openProduct(id, opener) {
    selectedProduct = id;
    openedFrom = opener ?? null;
    for (const element of document.querySelectorAll('.tray-item, .hotspot')) {
      const selected = element.dataset.productId === id;
      element.classList.toggle('selected', selected);
      if (element.classList.contains('tray-item')) element.setAttribute('aria-current', String(selected));
    }
    fillDetail(id);
    $('product-detail').hidden = false;
    // Keyboard users land in the panel, and Escape or its close button takes them back.
    $('detail-close').focus({ preventScroll: true });
  }

  function closeProduct() {
    selectedProduct = null;
    for (const element of document.querySelectorAll('.tray-item, .hotspot')) element.classList.remove('selected');
    $('product-detail').hidden = true;
    if (openedFrom?.isConnected) openedFrom.focus({ preventScroll: true });
    openedFrom = null;
  }

  function fillDetail(id) {
    const product = products.get(id);
    const panel = $('product-detail');
    panel.dataset.productId = id;
    $('detail-name').textContent = product?.name ?? id;
    $('detail-price').textContent = product ? formatPrice(product) : 'Details are not available.';
    $('detail-rating').textContent = product?.rating != null ? `Rating ${product.rating} / 5` : '';
    $('detail-availability').textContent = product?.availability ?? '';
    const image = $('detail-image');
    const imageUrl = safeUrl(product?.images?.[0]);
    image.hidden = !imageUrl;
    if (imageUrl) {
      image.src = imageUrl;
      image.alt = product.name;
    } else {
      image.removeAttribute('src');
    }
    const link = $('detail-link');
    const url = safeUrl(product?.url);
    link.hidden = !url;
    if (url) link.href = url; else link.removeAttribute('href');
  }

  function seekToFirstShotOf(id) {
    const segment = shoppable.segments.find(s => s.products.some(p => p.productId === id));
    if (segment) $('video').currentTime = segment.startSeconds + 0.01;
  }

  // Only http(s) links and paths on this server: a manifest could carry a javascript: URL.
  function safeUrl(value) {
    if (typeof value !== 'string' || value.length === 0) return null;
    try {
      const url = new URL(value, location.origin);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  function formatPrice(product) {
    if (product.price == null) return 'price on request';
    if (product.currency) {
      try {
        return new Intl.NumberFormat(undefined, { style: 'currency', currency: product.currency }).format(product.price);
      } catch {
        // An unknown currency code: fall through to the plain number.
      }
    }
    return `${product.price}${product.currency ? ` ${product.currency}` : ''}`;
  }

  function formatTime(seconds) {
    const whole = Math.floor(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
})();

// The reviewer's controls in the player (/player/{id}?review): approve or reject each product of the shot
// under the playhead, replace one with a product found by searching the catalog, or draw a box for a
// product the machine missed. Every decision is a POST to the review API, which keeps the history; the
// player then reloads the served document, so what a reviewer sees is what every viewer now gets.
//
// The key is the console's (same origin, same storage entry). Without one the controls ask for it, and a
// viewer's player, opened without ?review, never loads any of this.
'use strict';

window.ShoppableReview = (() => {
  const KEY_STORAGE = 'shoppablevideo.apiKey';
  const MIN_BOX = 0.02; // a drag smaller than this share of the picture is a slip, not a box

  function attach(player) {
    const panel = document.getElementById('review');
    panel.hidden = false;
    let shot = player.currentShot();
    let choosing = null; // { action: 'replace', productId } or { action: 'add', box }

    // Names arrive after the ids: the player loads product details one by one.
    player.onProductLoaded(id => {
      for (const name of panel.querySelectorAll(`.review-item[data-product-id="${CSS.escape(id)}"] .review-name`))
        name.textContent = player.productName(id);
    });
    player.onShotChange(current => {
      shot = current;
      choosing = null;
      render();
    });
    render();

    function key() {
      return localStorage.getItem(KEY_STORAGE);
    }

    function render() {
      panel.replaceChildren(element('h2', '', 'Review'));
      panel.querySelector('h2').id = 'review-title';
      if (!key()) return renderKeyForm();
      if (shot === null) return panel.append(element('p', '', 'Play or seek to a shot to review it.'));

      panel.append(element('p', 'review-shot', `Shot ${shot.index + 1}: ${shot.products.length === 0 ? 'no products' : 'its products'}`));
      const list = element('ul', 'review-items');
      for (const match of shot.products) list.append(itemRow(match));
      panel.append(list);

      const draw = element('button', 'review-draw', 'Draw a box for a missed product');
      draw.type = 'button';
      draw.addEventListener('click', startDrawing);
      panel.append(draw);
      if (choosing) panel.append(chooser());
      panel.append(element('p', 'review-result'));
      panel.querySelector('.review-result').setAttribute('role', 'status');
      panel.append(history());
    }

    function renderKeyForm() {
      const form = element('form', 'review-key');
      const label = element('label', '', 'Reviewing needs an API key with the write scope');
      label.htmlFor = 'review-key-input';
      const input = element('input');
      input.id = 'review-key-input';
      input.type = 'password';
      const save = element('button', '', 'Use this key');
      save.type = 'submit';
      form.append(label, input, save);
      form.addEventListener('submit', event => {
        event.preventDefault();
        if (input.value.trim()) localStorage.setItem(KEY_STORAGE, input.value.trim());
        render();
      });
      panel.append(form);
    }

    function itemRow(match) {
      const row = element('li', 'review-item');
      row.dataset.productId = match.productId;
      const facts = [match.match ?? 'exact', `${Math.round(100 * (match.confidence ?? match.score ?? 0))}%`];
      if (match.review)
        facts.push(match.review.status + (match.review.reviewer ? ` by ${match.review.reviewer}` : '') +
          (match.review.originalProductId ? ` (was ${player.productName(match.review.originalProductId)})` : ''));
      row.append(element('span', 'review-name', player.productName(match.productId)), element('span', 'review-facts', facts.join(' · ')));
      const actions = element('span', 'review-actions');
      actions.append(
        button('Approve', () => send({ action: 'approve', productId: match.productId }, player.productName(match.productId))),
        button('Reject', () => send({ action: 'reject', productId: match.productId }, player.productName(match.productId))),
        button('Replace…', () => {
          choosing = { action: 'replace', productId: match.productId };
          render();
          panel.querySelector('.review-chooser input').focus();
        }));
      row.append(actions);
      return row;
    }

    // Search the catalog and pick the product: the replacement, or what the drawn box shows.
    function chooser() {
      const box = element('div', 'review-chooser');
      const title = choosing.action === 'replace'
        ? `Replace ${player.productName(choosing.productId)} with:`
        : 'What does the box show?';
      const form = element('form', 'review-search');
      form.setAttribute('role', 'search');
      const label = element('label', '', title);
      label.htmlFor = 'review-query';
      const input = element('input');
      input.id = 'review-query';
      input.type = 'search';
      input.placeholder = 'Search by name or id';
      const search = element('button', '', 'Search');
      search.type = 'submit';
      const cancel = button('Cancel', () => { choosing = null; render(); });
      form.append(label, input, search, cancel);
      const results = element('ul', 'review-results');
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const response = await player.getJson(`/catalog/products?limit=10&q=${encodeURIComponent(input.value.trim())}`);
        results.replaceChildren();
        if (!response.ok) return results.append(element('li', '', `The catalog could not be read (HTTP ${response.status}).`));
        if (response.body.items.length === 0) results.append(element('li', '', 'No product matches.'));
        for (const product of response.body.items) {
          const pick = button(`${product.name} (${product.id})`, () => choose(product));
          pick.dataset.productId = product.id;
          const item = element('li');
          item.append(pick);
          results.append(item);
        }
      });
      box.append(form, results);
      return box;
    }

    function choose(product) {
      const chosen = choosing;
      choosing = null;
      if (chosen.action === 'replace')
        return send({ action: 'replace', productId: chosen.productId, replacementProductId: product.id }, product.name);
      return send({ action: 'add', productId: product.id, box: chosen.box }, product.name);
    }

    // Drag a rectangle over the picture; the box is kept as fractions of it, as the document's boxes are.
    function startDrawing() {
      const layer = player.layer;
      document.getElementById('video').pause();
      layer.classList.add('drawing');
      say('Drag a box around the product on the picture.');
      let start = null;
      let draft = null;
      const at = event => {
        const r = layer.getBoundingClientRect();
        return { x: clamp((event.clientX - r.left) / r.width), y: clamp((event.clientY - r.top) / r.height) };
      };
      const down = event => {
        event.preventDefault();
        layer.setPointerCapture(event.pointerId);
        start = at(event);
        draft = element('div', 'draft-box');
        layer.append(draft);
      };
      const move = event => {
        if (!start) return;
        const box = between(start, at(event));
        Object.assign(draft.style, { left: `${100 * box.left}%`, top: `${100 * box.top}%`, width: `${100 * box.width}%`, height: `${100 * box.height}%` });
      };
      const up = event => {
        if (!start) return;
        const box = between(start, at(event));
        layer.removeEventListener('pointerdown', down);
        layer.removeEventListener('pointermove', move);
        layer.removeEventListener('pointerup', up);
        layer.classList.remove('drawing');
        draft.remove();
        if (box.width < MIN_BOX || box.height < MIN_BOX) return say('That box is too small; draw it again.');
        choosing = { action: 'add', box };
        render();
        panel.querySelector('.review-chooser input').focus();
      };
      layer.addEventListener('pointerdown', down);
      layer.addEventListener('pointermove', move);
      layer.addEventListener('pointerup', up);
    }

    async function send(review, productName) {
      say('Saving…');
      const target = shot;
      try {
        const response = await fetch(player.api(`/shots/${target.index}/reviews`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Api-Key': key() },
          body: JSON.stringify(review),
        });
        if (!response.ok) {
          const problem = await response.json().catch(() => null);
          const hint = response.status === 401 || response.status === 403 ? ' Check the API key (it needs the write scope).' : '';
          return say(`Not saved (HTTP ${response.status}): ${problem?.detail ?? problem?.title ?? 'no reason given'}.${hint}`, 'error');
        }
        await player.reload();
        say(`Saved: ${review.action} ${productName} in shot ${target.index + 1}.`, 'ok');
      } catch (error) {
        say(`Not saved: the API could not be reached (${error.message}).`, 'error');
      }
    }

    function history() {
      const details = element('details', 'review-history');
      details.append(element('summary', '', 'History of this video’s reviews'));
      const list = element('ol');
      details.append(list);
      details.addEventListener('toggle', async () => {
        if (!details.open) return;
        const response = await player.getJson(player.api('/reviews'));
        list.replaceChildren(...(response.body ?? []).map(r => element('li', '',
          `${new Date(r.at).toLocaleString()}: ${r.reviewer} ${r.action} ${r.productId}` +
          (r.replacementProductId ? ` → ${r.replacementProductId}` : '') + ` in shot ${r.segmentIndex + 1}`)));
      });
      return details;
    }

    function say(text, state = 'busy') {
      const result = panel.querySelector('.review-result');
      if (!result) return;
      result.dataset.state = state;
      result.textContent = text;
    }
  }

  function between(a, b) {
    return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
  }

  function clamp(value) {
    return Math.min(1, Math.max(0, value));
  }

  function button(text, onClick) {
    const node = element('button', '', text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  return { attach };
})();

// @ts-check
/**
 * Valkompass embed loader (no dependencies). Paste beside
 *   <div data-valkompass="socialpolitik" data-lang="sv"></div>
 * and it puts an auto-sizing iframe of the compass in every such element. See EMBED.md.
 */
(function () {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const app = new URL(script && script.src ? script.src : location.href).origin;
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  /** @type {Record<string, RegExp>} */
  const CHECK = {
    lang: /^(sv|en|ar)$/,
    parties: /^[a-z0-9-]+(,[a-z0-9-]+)*$/,
    accent: /^#[0-9a-fA-F]{6}$/,
    theme: /^(light|dark|auto)$/,
    compact: /^(true|false)$/,
    start: /^(start|quiz)$/,
    statement: ID,
  };
  const HEIGHT = { full: 640, compact: 480, statement: 420 };

  /** @param {HTMLElement} box */
  function mount(box) {
    if (box.querySelector('iframe[data-valkompass-frame]')) return;
    const compass = box.getAttribute('data-valkompass') || '';
    if (!ID.test(compass)) return console.warn('valkompass: data-valkompass must be a compass id, e.g. "socialpolitik"');
    const query = new URLSearchParams();
    Object.keys(CHECK).forEach(function (name) {
      const value = box.getAttribute('data-' + name);
      if (value === null) return;
      if (CHECK[name].test(value)) query.set(name, value);
      else console.warn('valkompass: ignoring data-' + name + '="' + value + '" (not a valid value)');
    });
    const kind = query.has('statement') ? 'statement' : query.get('compact') === 'true' ? 'compact' : 'full';
    const frame = document.createElement('iframe');
    frame.setAttribute('data-valkompass-frame', '');
    frame.src = app + '/embed/' + compass + (query.toString() ? '?' + query : '');
    frame.title = box.getAttribute('data-title') || 'Valkompass';
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    // Reserve the height up front, so that the host page never jumps.
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + HEIGHT[kind] + 'px';
    box.appendChild(frame);
    window.addEventListener('message', function (event) {
      if (event.origin !== app || event.source !== frame.contentWindow) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || data.source !== 'valkompass') return;
      if (data.type === 'height' && typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
        frame.style.height = Math.ceil(data.height) + 'px';
      } else if (data.type === 'ready' || data.type === 'started' || data.type === 'completed') {
        const detail = data.type === 'completed' && typeof data.answered === 'number' ? { answered: data.answered } : {};
        box.dispatchEvent(new CustomEvent('valkompass:' + data.type, { bubbles: true, detail: detail }));
      }
    });
  }

  function mountAll() {
    const boxes = document.querySelectorAll('[data-valkompass]');
    for (let i = 0; i < boxes.length; i++) mount(/** @type {HTMLElement} */ (boxes[i]));
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();

/**
 * The embed loader, served as `/embed.js` (built from this file at build time and by the dev
 * server; see src/tools/embed-loader.ts). A news site pastes
 *
 *   <div data-valkompass="socialpolitik" data-lang="sv"></div>
 *   <script src="https://<host>/embed.js" async></script>
 *
 * and it puts an auto-sizing iframe of the compass in every such element (EMBED.md). It runs on
 * other people's pages: no dependencies, no globals, nothing but the frames and their events.
 */
import {
  CONTAINER_ATTRIBUTE,
  DEFAULT_FRAME_TITLE,
  FRAME_MARKER,
  FRAME_REFERRER_POLICY,
  FRAME_SANDBOX,
  frameAddress,
  frameKind,
  hostEvent,
  ignoredWarning,
  isId,
  MAX_FRAME_HEIGHT,
  MESSAGE_SOURCE,
  type Milestone,
  MILESTONES,
  OPTION_NAMES,
  OPTION_RULES,
  RESERVED_HEIGHT,
  TITLE_ATTRIBUTE,
} from '../../config/embed-contract.ts';

// Read while the script runs: currentScript is null in later callbacks. (No `?.` or `??` in this
// file: the loader is built for older browsers, where they would be spelled out at length.)
const script = document.currentScript as HTMLScriptElement | null;
const app = new URL((script && script.src) || location.href).origin;

function mount(box: Element): void {
  if (box.querySelector(`iframe[${FRAME_MARKER}]`)) return;
  const compass = box.getAttribute(CONTAINER_ATTRIBUTE) || '';
  if (!isId(compass)) {
    console.warn(`valkompass: ${CONTAINER_ATTRIBUTE} must be a compass id, e.g. "socialpolitik"`);
    return;
  }
  const options = new URLSearchParams();
  for (const name of OPTION_NAMES) {
    const attribute = `data-${name}`;
    const value = box.getAttribute(attribute);
    if (value === null) continue;
    if (OPTION_RULES[name].valid(value)) options.set(name, value);
    else console.warn(ignoredWarning(attribute, value, name));
  }
  const frame = document.createElement('iframe');
  frame.setAttribute(FRAME_MARKER, '');
  frame.src = frameAddress(app, compass, options);
  frame.title = box.getAttribute(TITLE_ATTRIBUTE) || DEFAULT_FRAME_TITLE;
  frame.setAttribute('loading', 'lazy');
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.setAttribute('referrerpolicy', FRAME_REFERRER_POLICY);
  // Reserve the height up front, so that the host page never jumps.
  const height =
    RESERVED_HEIGHT[frameKind(options.has('statement'), options.get('compact') === 'true')];
  frame.style.cssText = `display:block;width:100%;border:0;height:${height}px`;
  box.appendChild(frame);
  addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only from the compass's own origin, only from this very frame, only of the expected shape.
    if (event.origin !== app || event.source !== frame.contentWindow) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || data.source !== MESSAGE_SOURCE) return;
    const { type, height, answered } = data;
    if (type === 'height') {
      if (typeof height === 'number' && height > 0 && height < MAX_FRAME_HEIGHT)
        frame.style.height = `${Math.ceil(height)}px`;
    } else if (MILESTONES.includes(type as Milestone)) {
      // Only the number of answers ever reaches the host, never the answers.
      const detail = type === 'completed' && typeof answered === 'number' ? { answered } : {};
      box.dispatchEvent(new CustomEvent(hostEvent(type as Milestone), { bubbles: true, detail }));
    }
  });
}

function mountAll(): void {
  document.querySelectorAll(`[${CONTAINER_ATTRIBUTE}]`).forEach(mount);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();

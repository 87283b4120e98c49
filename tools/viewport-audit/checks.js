// Mechanical judgements of the page as laid out now; returns JSON-able findings.
const vw = window.innerWidth;
const visible = el => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
  // checkVisibility: not in a closed <details> (its content keeps boxes but is not painted)
  return el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
    && !el.closest('.visually-hidden, .skip-link, [hidden]'); };
const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
  (el.name ? '[name=' + el.name + ']' : '') + ' "' + (el.innerText || el.value || '').trim().slice(0, 30) + '"';
const inScroller = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
const all = [...document.body.querySelectorAll('*')].filter(visible);
const res = { pageOverflow: document.scrollingElement.scrollWidth - vw, wide: [], clipped: [], overlaps: [], brokenWords: [],
  smallTargets: [], motion: [], textOverflow: [] };
// what sticks out to the right, outermost first, and whether it sits in a table
for (const el of all) {
  const r = el.getBoundingClientRect();
  if (r.right > vw + 1 && !inScroller(el) && !(el.parentElement && el.parentElement.getBoundingClientRect().right > vw + 1))
    res.wide.push({ el: name(el), right: Math.round(r.right), inTable: !!el.closest('table') });
}
// content cut by its own box
for (const el of all) {
  const cs = getComputedStyle(el);
  const hides = v => v === 'hidden' || v === 'clip';
  const cutX = hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const cutY = hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
  if (cutX || cutY) res.clipped.push({ el: name(el), sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight });
  // controls clip their text whatever overflow says
  if (/^(BUTTON|SELECT|INPUT)$/.test(el.tagName) && !/^(checkbox|radio|hidden|file|date)$/.test(el.type || '')) {
    const ctx = (window.__auditCanvas ||= document.createElement('canvas')).getContext('2d');
    ctx.font = cs.font;
    const text = el.tagName === 'SELECT' ? (el.selectedOptions[0] || {}).text || '' : (el.tagName === 'INPUT' ? el.value : el.innerText);
    const ls = parseFloat(cs.letterSpacing) || 0, ws = parseFloat(cs.wordSpacing) || 0;
    const w = ctx.measureText(text).width + ls * text.length + ws * (text.split(' ').length - 1);
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (el.tagName === 'SELECT' ? 20 : 0);
    const oneLine = cs.whiteSpace.startsWith('nowrap') || el.tagName !== 'BUTTON';
    if (oneLine && w > room + 2) res.textOverflow.push({ el: name(el), text: text.slice(0, 40), need: Math.round(w), room: Math.round(room) });
  }
}
// text boxes over text boxes (line boxes of different elements)
const rects = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n; (n = walker.nextNode());) {
  if (!n.data.trim() || !n.parentElement || !visible(n.parentElement)) continue;
  if (n.parentElement.closest('option, script, style, select')) continue;
  const range = document.createRange(); range.selectNodeContents(n);
  for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) rects.push({ r, el: n.parentElement });
}
for (const el of all.filter(e => /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(e.tagName))) rects.push({ r: el.getBoundingClientRect(), el });
for (let i = 0; i < rects.length && res.overlaps.length < 20; i++) for (let j = i + 1; j < rects.length; j++) {
  const a = rects[i], b = rects[j];
  if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
  const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
  const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
  if (w > 2 && h > 3) { res.overlaps.push({ a: name(a.el), b: name(b.el), w: Math.round(w), h: Math.round(h) }); break; }
}
// pointer targets under 24 x 24 CSS px whose 24 px circle meets another target (2.5.8)
const targets = all.filter(el => el.matches('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])'));
const boxes = targets.map(el => ({ el, r: el.getBoundingClientRect() }));
for (const t of boxes) {
  if (t.r.width >= 24 && t.r.height >= 24) continue;
  const cs = getComputedStyle(t.el);
  const inline = cs.display === 'inline' && t.el.parentElement && t.el.parentElement.innerText.trim() !== t.el.innerText.trim();
  const cx = (t.r.left + t.r.right) / 2, cy = (t.r.top + t.r.bottom) / 2;
  const crowded = boxes.some(o => { if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
    const dx = Math.max(o.r.left - cx, 0, cx - o.r.right), dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
    return Math.hypot(dx, dy) < 12; });
  res.smallTargets.push({ el: name(t.el), w: Math.round(t.r.width), h: Math.round(t.r.height), inline, crowded,
    uaControl: /^(checkbox|radio)$/.test(t.el.type || '') && cs.appearance !== 'none' });
}
// a link, button or heading on more lines than it has words: a word was cut ("Wor / klist")
for (const el of all.filter(e => e.matches('a, button, h1, h2, h3, th, label, legend, summary'))) {
  const range = document.createRange(); range.selectNodeContents(el);
  const lines = new Set([...range.getClientRects()].filter(r => r.width > 1).map(r => Math.round(r.top))).size;
  const words = el.textContent.trim().split(/\s+/).filter(Boolean).length;
  if (words && lines > words) res.brokenWords.push(name(el));
}
// anything that moves
for (const el of all) { const cs = getComputedStyle(el);
  if ((cs.animationName && cs.animationName !== 'none') || cs.transitionDuration.split(',').some(s => parseFloat(s) > 0))
    res.motion.push(name(el)); }
if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') res.motion.push('html scroll-behavior smooth');
res.focusOutline = (() => { const a = document.querySelector('main a[href], main button, main input:not([type=hidden])');
  if (!a) return null; a.focus(); const cs = getComputedStyle(a);
  const out = { el: name(a), outline: cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor, forced: matchMedia('(forced-colors: active)').matches };
  a.blur(); return out; })();
return res;

// The search page. All state lives in the URL (?q, area, type, city, page, lang, partner), so back,
// forward, reload and shared links show the same view. Server text goes into the page with
// textContent only; the escaped `highlight` fields pass through markedFragment (text and <mark>).
import { TEXTS, pickLang } from './i18n.js';
import { renderMap } from './map.js';

const FACETS = ['area', 'type', 'city'];
const $ = (id) => document.getElementById(id);
const typeLabels = { en: new Map(), de: new Map() };
// A city's value is its German name; the facet gives its name in the page's language (München: Munich).
const cityLabels = { en: new Map(), de: new Map() };
const areaLabels = { en: null, de: null };
let state = null;
let lastSearchKey = null;
let lastResponse = null;
let searchInFlight = null;

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: (p.get('q') || '').trim(),
    area: p.getAll('area').filter(Boolean),
    type: p.getAll('type').filter(Boolean),
    city: p.getAll('city').filter(Boolean),
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    lang: pickLang(p.get('lang')),
    partner: p.get('partner') || '',
  };
}

/** The URL of the current state with some parts changed; filters reset the page. */
function urlFor(changes) {
  const s = { ...state, ...changes };
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const facet of FACETS) s[facet].forEach((v) => p.append(facet, v));
  if (s.page > 1) p.set('page', String(s.page));
  p.set('lang', s.lang);
  if (s.partner) p.set('partner', s.partner);
  return '/?' + p.toString();
}

function navigate(changes, { replace = false } = {}) {
  const url = urlFor(changes);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(changes.partner ? { detail: true } : null, '', url);
  sync();
}

function t() {
  return TEXTS[state.lang];
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function marked(html) {
  return window.PartnerSearchWidget.markedFragment(html || '');
}

/** A link that navigates inside the page but is still a real URL (new tab, copy link). */
function navLink(changes, attrs, ...children) {
  const a = el('a', { ...attrs, href: urlFor(changes) }, ...children);
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(changes);
  });
  return a;
}

// ---- texts -------------------------------------------------------------------------------------

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((n) => {
    n.textContent = t()[n.dataset.i18n];
  });
  document.querySelectorAll('[data-i18n-label]').forEach((n) => n.setAttribute('aria-label', t()[n.dataset.i18nLabel]));
  $('selected').setAttribute('aria-label', t().selectedFilters);
  $('pager').setAttribute('aria-label', t().pages);
  $('search-box').dataset.lang = state.lang;
  document.querySelectorAll('.lang a').forEach((a) => {
    a.href = urlFor({ lang: a.dataset.lang });
    if (a.dataset.lang === state.lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  });
  const examples = () => t().exampleQueries.map((q) => navLink({ q, page: 1, area: [], type: [], city: [] }, { class: 'example' }, q));
  $('examples').replaceChildren(...examples());
  $('empty-examples').replaceChildren(...examples());
  document.title = t().docTitle(state.q);
}

// ---- search ------------------------------------------------------------------------------------

function apiUrl(path, params) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    for (const v of [].concat(value)) if (v !== '' && v !== undefined) url.searchParams.append(name, v);
  }
  return url;
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response.json();
}

async function search() {
  if (searchInFlight) searchInFlight.abort(); // a newer view replaces an older one, never the reverse
  const controller = new AbortController();
  searchInFlight = controller;
  const params = { q: state.q, page: state.page, area: state.area, type: state.type, city: state.city, lang: state.lang };
  $('results').setAttribute('aria-busy', 'true');
  try {
    const response = await getJson(apiUrl('/api/search', params), controller.signal);
    // With no hits the facets are empty; show those of the filters alone so people can move on.
    const counted = response.total === 0 && state.q
      ? await getJson(apiUrl('/api/search', { ...params, q: '', page: 1, size: 1 }), controller.signal)
      : response;
    const facets = counted.facets;
    if (searchInFlight !== controller) return;
    for (const v of facets.type) typeLabels[state.lang].set(v.value, v.label);
    for (const v of facets.city || []) cityLabels[state.lang].set(v.value, v.label);
    lastResponse = response;
    $('error').hidden = true;
    renderResults(response);
    renderFacets(facets);
    renderEmpty(response, facets);
    renderCityMap(facets.city || [], counted.total);
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('error').textContent = t().error;
    $('error').hidden = false;
    console.error(e);
  } finally {
    if (searchInFlight === controller) $('results').removeAttribute('aria-busy');
  }
}

function renderResults(r) {
  const anyFilter = FACETS.some((f) => state[f].length);
  $('count').textContent = !state.q && !anyFilter ? t().allCount(r.total) : t().count(r.total, state.q);
  $('empty').hidden = r.total !== 0;
  $('relaxed').hidden = !r.relaxed;
  $('relaxed').textContent = relaxedText(r.relaxation);
  const dym = $('did-you-mean');
  dym.hidden = !r.didYouMean;
  if (r.didYouMean) {
    dym.replaceChildren(`${t().didYouMean} `, navLink({ q: r.didYouMean, page: 1 }, { class: 'suggestion' }, r.didYouMean), '?');
  }
  $('hits').replaceChildren(...r.hits.map(renderHit));
  renderPager(r);
}

/**
 * What the relaxation ladder did, in words: what no partner mentions and what the hits were found
 * for (textContent: the visitor's words are never markup). Without the API's details, the general notice.
 */
function relaxedText(relaxation) {
  if (!relaxation || !relaxation.query) return t().relaxed;
  const missing = relaxation.step === 'some_words' && relaxation.dropped.length
    ? relaxation.dropped.join(' ') : relaxation.from;
  return t().relaxedTo(missing, relaxation.query);
}

/**
 * With no hits the page is never a dead end: it says what was searched (the did-you-mean stands just
 * above) and offers the research areas, with how many partners each holds under the other filters.
 */
function renderEmpty(r, facets) {
  if (r.total !== 0) return;
  $('empty-title').textContent = t().emptyTitle(state.q);
  const areas = (facets.area || []).filter((a) => a.count > 0);
  $('empty-areas').replaceChildren(...areas.map((a) => el('li', {},
    navLink({ q: '', area: [a.value], page: 1 }, { class: 'empty-area', 'data-area': a.value },
      el('span', { class: 'empty-area-label' }, a.label), ' ', el('span', { class: 'facet-count' }, String(a.count))))));
  $('empty-areas').hidden = areas.length === 0;
  $('empty-areas-title').hidden = areas.length === 0;
}

/** A partner's city in the page's language, or that it has none. */
function cityName(city, lang) {
  return city ? cityLabels[lang].get(city) || city : TEXTS[lang].noCity;
}

function renderHit(hit) {
  const name = navLink({ partner: hit.id }, { class: 'hit-link', 'data-partner': hit.id }, marked(hit.highlight?.name || hit.name));
  const meta = el('p', { class: 'hit-meta' },
    el('span', { class: 'badge badge--' + hit.type }, typeLabels[state.lang].get(hit.type) || hit.type),
    el('span', { class: 'hit-city' }, cityName(hit.city, state.lang)));
  const english = state.lang === 'en' && hit.nameEn && hit.nameEn !== hit.name ? el('p', { class: 'hit-name-en' }, hit.nameEn) : null;
  const snippets = (hit.highlight?.snippets || []).map((s) => el('p', { class: 'hit-snippet' }, marked(s)));
  const areas = el('ul', { class: 'chips', 'aria-label': t().researchAreas },
    hit.researchAreas.map((a) => el('li', {}, state.area.includes(a.id)
      ? el('span', { class: 'chip chip--selected' }, el('mark', {}, a.label))
      : navLink({ area: [...state.area, a.id], page: 1 }, { class: 'chip' }, a.label))));
  return el('li', { class: 'hit', 'data-id': hit.id },
    el('article', {}, el('h2', { class: 'hit-name' }, name), english, meta, snippets, areas));
}

function renderPager(r) {
  const pages = Math.ceil(r.total / r.size);
  const pager = $('pager');
  pager.hidden = pages <= 1;
  if (pages <= 1) return pager.replaceChildren();
  const items = [];
  if (r.page > 1) items.push(navLink({ page: r.page - 1 }, { class: 'pager-step', rel: 'prev' }, t().previous));
  for (let n = 1; n <= pages; n++) {
    items.push(n === r.page
      ? el('span', { class: 'pager-page', 'aria-current': 'page' }, String(n))
      : navLink({ page: n }, { class: 'pager-page', 'aria-label': t().page(n) }, String(n)));
  }
  if (r.page < pages) items.push(navLink({ page: r.page + 1 }, { class: 'pager-step', rel: 'next' }, t().next));
  pager.replaceChildren(...items);
}

// ---- facets ------------------------------------------------------------------------------------

function facetOption(facet, v) {
  const id = `f-${facet}-${v.value}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const box = el('input', { type: 'checkbox', id, value: v.value, checked: v.selected || state[facet].includes(v.value) });
  box.addEventListener('change', () => {
    const values = box.checked ? [...state[facet], v.value] : state[facet].filter((x) => x !== v.value);
    navigate({ [facet]: values, page: 1 });
  });
  const label = el('label', { for: id }, el('span', { class: 'facet-label' }, v.label), el('span', { class: 'facet-count' }, String(v.count)));
  const children = v.children?.length ? el('ul', { class: 'facet-children' }, v.children.map((c) => facetOption(facet, c))) : null;
  return el('li', { class: 'facet-option' }, box, label, children);
}

function renderFacets(facets) {
  const labels = new Map();
  for (const facet of FACETS) {
    const values = facets[facet] || [];
    $('facet-' + facet).querySelector('ul').replaceChildren(...values.map((v) => facetOption(facet, v)));
    $('facet-' + facet).hidden = values.length === 0;
    const collect = (v) => { labels.set(facet + ':' + v.value, v.label); (v.children || []).forEach(collect); };
    values.forEach(collect);
  }
  const chips = [];
  for (const facet of FACETS) {
    for (const value of state[facet]) {
      const label = labels.get(facet + ':' + value) || value;
      chips.push(el('li', {}, navLink({ [facet]: state[facet].filter((x) => x !== value), page: 1 },
        { class: 'chip chip--removable', 'aria-label': t().removeFilter(label) }, label, el('span', { 'aria-hidden': 'true' }, ' ×'))));
    }
  }
  if (chips.length > 1) chips.push(el('li', {}, navLink({ area: [], type: [], city: [], page: 1 }, { class: 'clear-all' }, t().clearAll)));
  $('selected').replaceChildren(...chips);
  $('selected').hidden = chips.length === 0;
}

function toggleCity(city) {
  navigate({ city: state.city.includes(city) ? state.city.filter((x) => x !== city) : [...state.city, city], page: 1 });
}

/** The map of the city facet, and beside it the partners without a city, which it cannot place. */
function renderCityMap(cities, total) {
  // Each partner has at most one city, so without a city filter the rest of the total has none;
  // with one, those partners are filtered out and no count for them is known.
  const nationwide = state.city.length ? 0 : total - cities.reduce((sum, c) => sum + c.count, 0);
  $('map-nationwide').textContent = t().nationwide(nationwide);
  $('map-nationwide').hidden = nationwide <= 0;
  renderMap($('map-canvas'), cities, t(), toggleCity).catch((e) => console.error(e));
}

// ---- detail ------------------------------------------------------------------------------------

async function loadAreaLabels(lang) {
  if (!areaLabels[lang]) {
    const body = await getJson(apiUrl('/api/research-areas', { lang }));
    const labels = new Map();
    const collect = (v) => { labels.set(v.value, v.label); (v.children || []).forEach(collect); };
    body.fields.forEach(collect);
    areaLabels[lang] = labels;
  }
  return areaLabels[lang];
}

function section(title, ...content) {
  return el('section', { class: 'detail-section' }, el('h3', {}, title), ...content);
}

async function showDetail(id) {
  const dialog = $('detail');
  let partner;
  let labels;
  try {
    [partner, labels] = await Promise.all([getJson(apiUrl('/api/partners/' + encodeURIComponent(id), {})), loadAreaLabels(state.lang)]);
  } catch (e) {
    console.error(e);
    navigate({ partner: '' }, { replace: true });
    return;
  }
  if (state.partner !== id) return;
  const lang = state.lang;
  const body = [
    el('h2', { id: 'detail-name' }, partner.name),
    partner.nameEn && partner.nameEn !== partner.name ? el('p', { class: 'detail-name-en' }, partner.nameEn) : null,
    el('p', { class: 'hit-meta' },
      el('span', { class: 'badge badge--' + partner.type }, typeLabels[lang].get(partner.type) || partner.type),
      el('span', {}, cityName(partner.city, lang))),
    section(t().description, el('p', { class: 'detail-description' }, partner.description?.[lang] || partner.description?.en || '')),
    section(t().researchAreas, el('ul', { class: 'chips' }, partner.researchAreas.map((a) => el('li', {},
      navLink({ area: [a], q: '', page: 1, partner: '' }, { class: 'chip' }, labels.get(a) || a))))),
  ];
  if (partner.hzdrInstitutes.length) body.push(section(t().institutes, el('ul', { class: 'plain' }, partner.hzdrInstitutes.map((i) => el('li', {}, i)))));
  if (partner.contacts.length) {
    body.push(section(t().contacts, el('ul', { class: 'plain' }, partner.contacts.map((c) =>
      el('li', {}, el('strong', {}, c.name), c.role ? el('span', { class: 'contact-role' }, ' – ' + c.role) : null)))));
  }
  // Only web addresses become links; anything else (javascript:, data:) stays plain text.
  if (partner.website && /^https?:\/\//i.test(partner.website)) {
    body.push(section(t().website, el('p', {}, el('a', { href: partner.website, rel: 'noopener noreferrer', target: '_blank' }, partner.website.replace(/^https?:\/\//, '')))));
  }
  if (partner.aliases.length) body.push(section(t().aliases, el('p', {}, partner.aliases.join(' · '))));
  $('detail-body').replaceChildren(...body);
  if (!dialog.open) dialog.showModal();
}

function closeDetail() {
  if (!state.partner) return;
  if (history.state && history.state.detail) history.back(); // leaves the entry that opened it
  else navigate({ partner: '' }, { replace: true });
}

// ---- wiring ------------------------------------------------------------------------------------

function sync() {
  state = readState();
  applyTexts();
  const input = document.querySelector('#search-box input');
  if (input && document.activeElement !== input) input.value = state.q;
  const key = JSON.stringify({ ...state, partner: '' });
  if (key !== lastSearchKey) {
    lastSearchKey = key;
    search();
  }
  if (state.partner) showDetail(state.partner);
  else if ($('detail').open) $('detail').close();
}

/** A button that opens and closes a panel on a phone (on wider screens the panel is always shown). */
function wireToggle(button, panel) {
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('is-open', open);
  });
}

function wire() {
  const box = $('search-box');
  box.addEventListener('partnersearch:search', (e) => {
    e.preventDefault();
    navigate({ q: e.detail.query, page: 1 });
  });
  box.addEventListener('partnersearch:select', (e) => {
    e.preventDefault();
    const { kind, id, text } = e.detail;
    if (kind === 'partner') navigate({ partner: id });
    else if (kind === 'area') navigate({ q: '', area: state.area.includes(id) ? state.area : [...state.area, id], page: 1 });
    else navigate({ q: text, page: 1 });
  });
  document.querySelectorAll('.lang a').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    navigate({ lang: a.dataset.lang });
  }));
  $('home').addEventListener('click', (e) => {
    e.preventDefault();
    navigate({ q: '', area: [], type: [], city: [], page: 1, partner: '' });
  });
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('close', closeDetail);
  $('detail').addEventListener('click', (e) => {
    if (e.target === $('detail')) $('detail').close(); // a click on the backdrop
  });
  wireToggle($('filters-toggle'), $('facets'));
  wireToggle($('map-toggle'), $('city-map'));
  window.addEventListener('popstate', sync);
}

wire();
sync();

/*
 * partner-search autocomplete widget. Embedding it takes one element and one script:
 *
 *   <div data-partner-search data-endpoint="https://partners.example.org"></div>
 *   <script src="https://partners.example.org/widget.js" defer></script>
 *
 * Optional attributes on the element: data-lang="en|de" (default: the page's language, then the
 * browser's), data-search-url (where Enter goes; default: the service's search page), data-placeholder.
 *
 * The element receives two cancelable events, so a host page can handle a choice itself:
 *   partnersearch:select  detail {kind: "partner"|"area"|"term", id, text}
 *   partnersearch:search  detail {query}
 * If no listener calls preventDefault(), the widget goes to the search page.
 *
 * Follows the WAI-ARIA combobox pattern with a grouped listbox. Server text only ever enters the
 * page as text, except the `highlighted` field, which is parsed inertly and reduced to text and <mark>.
 */
(function () {
  'use strict';

  const script = document.currentScript;
  const SCRIPT_ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const DEBOUNCE_MS = 150;
  const SIZE = 8;
  const KINDS = ['partner', 'area', 'term'];
  const TEXTS = {
    en: {
      label: 'Search cooperation partners',
      placeholder: 'Search partners, research areas, topics …',
      submit: 'Search',
      suggestions: 'Suggestions',
      partner: 'Partners',
      area: 'Research areas',
      term: 'Search terms',
      count: (n) => (n === 1 ? '1 suggestion' : n + ' suggestions') + ', use the arrow keys to choose',
      none: 'No suggestions',
    },
    de: {
      label: 'Kooperationspartner suchen',
      placeholder: 'Partner, Forschungsfelder, Themen suchen …',
      submit: 'Suchen',
      suggestions: 'Vorschläge',
      partner: 'Partner',
      area: 'Forschungsbereiche',
      term: 'Suchbegriffe',
      count: (n) => (n === 1 ? '1 Vorschlag' : n + ' Vorschläge') + ', mit den Pfeiltasten auswählen',
      none: 'Keine Vorschläge',
    },
  };
  let widgets = 0;

  /** Parses escaped HTML inertly and keeps only its text and <mark> elements. */
  function markedFragment(html) {
    const template = document.createElement('template');
    template.innerHTML = String(html);
    const out = document.createDocumentFragment();
    (function copy(from, to) {
      for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.nodeValue));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.localName === 'mark') {
            const mark = document.createElement('mark');
            copy(node, mark);
            to.appendChild(mark);
          } else {
            copy(node, to);
          }
        }
      }
    })(template.content, out);
    return out;
  }

  /** Marks the typed prefix ourselves when the server sent no `highlighted`. */
  function typedPrefixFragment(text, typed) {
    const out = document.createDocumentFragment();
    const at = text.toLowerCase().indexOf(typed.toLowerCase());
    if (!typed || at < 0) {
      out.appendChild(document.createTextNode(text));
      return out;
    }
    const mark = document.createElement('mark');
    mark.textContent = text.slice(at, at + typed.length);
    out.append(text.slice(0, at), mark, text.slice(at + typed.length));
    return out;
  }

  function ensureStylesheet(endpoint) {
    const href = endpoint + '/widget.css';
    const present = Array.from(document.querySelectorAll('link[rel="stylesheet"]'))
      .some((l) => l.href === new URL(href, location.href).href);
    if (!present) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      node.setAttribute(name, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function init(host) {
    if (host.dataset.partnerSearchReady) {
      return;
    }
    host.dataset.partnerSearchReady = 'true';
    const endpoint = (host.dataset.endpoint || SCRIPT_ORIGIN).replace(/\/+$/, '');
    const id = 'partner-search-' + ++widgets;
    const lang = () => {
      const wanted = host.dataset.lang || document.documentElement.lang || navigator.language || 'en';
      return wanted.toLowerCase().startsWith('de') ? 'de' : 'en';
    };
    const t = () => TEXTS[lang()];
    ensureStylesheet(endpoint);

    const form = el('form', { class: 'psw', role: 'search', action: host.dataset.searchUrl || endpoint + '/' });
    const label = el('label', { for: id + '-input', class: 'psw-visually-hidden' });
    const field = el('div', { class: 'psw-field' });
    const input = el('input', {
      id: id + '-input',
      class: 'psw-input',
      type: 'search',
      name: 'q',
      role: 'combobox',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': id + '-listbox',
    });
    const submit = el('button', { type: 'submit', class: 'psw-submit' });
    const listbox = el('div', { id: id + '-listbox', role: 'listbox', class: 'psw-listbox', hidden: '' });
    const status = el('div', { role: 'status', class: 'psw-visually-hidden' });
    field.append(input, submit);
    form.append(label, field, listbox, status);
    host.replaceChildren(form);

    function applyTexts() {
      label.textContent = t().label;
      input.placeholder = host.dataset.placeholder || t().placeholder;
      submit.textContent = t().submit;
      listbox.setAttribute('aria-label', t().suggestions);
    }
    applyTexts();
    new MutationObserver(applyTexts).observe(host, { attributes: true, attributeFilter: ['data-lang'] });

    let options = []; // [{node, suggestion}]
    let active = -1;
    let timer = 0;
    let inFlight = null;
    let lastQuery = null;

    function open() {
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function setActive(index) {
      options.forEach((o, i) => o.node.setAttribute('aria-selected', String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].node.id);
        options[index].node.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function render(typed, suggestions) {
      listbox.replaceChildren();
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
      for (const kind of KINDS) {
        const ofKind = suggestions.filter((s) => s.kind === kind);
        if (!ofKind.length) {
          continue;
        }
        const group = el('div', { role: 'group', class: 'psw-group', 'aria-labelledby': id + '-' + kind });
        group.appendChild(el('div', { role: 'presentation', id: id + '-' + kind, class: 'psw-group-label' }, t()[kind]));
        for (const s of ofKind) {
          const node = el('div', {
            role: 'option',
            id: id + '-option-' + options.length,
            class: 'psw-option psw-option--' + kind,
            'aria-selected': 'false',
          });
          // One span, so the text and its <mark> stay one line of text inside the flex row.
          const text = el('span', { class: 'psw-text' });
          text.appendChild(typeof s.highlighted === 'string' ? markedFragment(s.highlighted) : typedPrefixFragment(String(s.text), typed));
          node.appendChild(text);
          const index = options.length;
          // mousedown would blur the input and close the list before the click lands.
          node.addEventListener('mousedown', (e) => e.preventDefault());
          node.addEventListener('click', () => choose(index));
          node.addEventListener('mousemove', () => active !== index && setActive(index));
          group.appendChild(node);
          options.push({ node, suggestion: s });
        }
        listbox.appendChild(group);
      }
      status.textContent = options.length ? t().count(options.length) : typed ? t().none : '';
      if (options.length && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    async function fetchSuggestions(typed) {
      if (inFlight) {
        inFlight.abort(); // the answer to an older prefix must never replace a newer one
      }
      if (!typed.trim()) {
        inFlight = null;
        render('', []);
        return;
      }
      const controller = new AbortController();
      inFlight = controller;
      const url = new URL(endpoint + '/api/suggest');
      url.searchParams.set('q', typed);
      url.searchParams.set('size', String(SIZE));
      url.searchParams.set('lang', lang());
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) {
          throw new Error('suggest answered ' + response.status);
        }
        const body = await response.json();
        if (inFlight === controller) {
          render(typed, Array.isArray(body.suggestions) ? body.suggestions : []);
        }
      } catch (e) {
        if (e.name !== 'AbortError' && inFlight === controller) {
          render(typed, []); // the box keeps working as a plain search box
          console.warn('partner-search widget:', e.message);
        }
      }
    }

    function go(params) {
      const url = new URL(form.action, location.href);
      for (const [name, value] of Object.entries(params)) {
        url.searchParams.set(name, value);
      }
      url.searchParams.set('lang', lang());
      location.assign(url.href);
    }

    // Tells the service which suggestion was chosen, for the editors' analytics (no personal data).
    // sendBeacon survives the navigation that follows and never delays it.
    function reportPick(s) {
      if (navigator.sendBeacon) {
        const pick = s.kind === 'term' ? { kind: 'term', text: s.text } : { kind: s.kind, id: s.id };
        navigator.sendBeacon(endpoint + '/api/suggest/picks', JSON.stringify(pick));
      }
    }

    function choose(index) {
      const s = options[index].suggestion;
      close();
      const detail = { kind: s.kind, id: s.id, text: s.text };
      if (s.kind === 'term' || s.kind === 'partner') {
        input.value = s.text;
      }
      const proceed = host.dispatchEvent(new CustomEvent('partnersearch:select', { detail, bubbles: true, cancelable: true }));
      reportPick(s);
      if (proceed) {
        go(s.kind === 'partner' ? { partner: s.id } : s.kind === 'area' ? { area: s.id } : { q: s.text });
      }
    }

    function search() {
      close();
      const query = input.value.trim();
      const proceed = host.dispatchEvent(new CustomEvent('partnersearch:search', { detail: { query }, bubbles: true, cancelable: true }));
      if (proceed) {
        go({ q: query });
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      const typed = input.value;
      if (typed === lastQuery) {
        return;
      }
      lastQuery = typed;
      timer = setTimeout(() => fetchSuggestions(typed), DEBOUNCE_MS);
    });

    input.addEventListener('keydown', (e) => {
      const expanded = !listbox.hidden;
      switch (e.key) {
        case 'ArrowDown':
          e.preventDefault();
          if (!expanded) {
            open();
          }
          if (options.length) {
            setActive(active < options.length - 1 ? active + 1 : 0);
          }
          break;
        case 'ArrowUp':
          e.preventDefault();
          if (!expanded) {
            open();
          }
          if (options.length) {
            setActive(active > 0 ? active - 1 : options.length - 1);
          }
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            e.preventDefault();
            choose(active);
          }
          break; // otherwise the form's submit event searches for the text
        case 'Escape':
          if (expanded) {
            e.preventDefault();
            close();
          } else if (input.value) {
            e.preventDefault();
            input.value = '';
            lastQuery = '';
            render('', []);
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', () => close());
    input.addEventListener('focus', () => open());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      search();
    });
  }

  function initAll() {
    document.querySelectorAll('[data-partner-search]').forEach(init);
  }

  window.PartnerSearchWidget = { init, markedFragment };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initAll);
  } else {
    initAll();
  }
})();

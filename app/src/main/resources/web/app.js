// The Undertone dashboard. Post texts, authors and URLs are untrusted: they only ever reach the
// page through textContent and checked http(s) hrefs, never as markup.
'use strict';

(() => {
  const LABELS = ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'MIXED'];
  const ALL = [...LABELS, 'UNSCORED'];
  const NAMES = { POSITIVE: 'positive', NEGATIVE: 'negative', NEUTRAL: 'neutral', MIXED: 'mixed', UNSCORED: 'unscored' };
  const RANGES = { '15m': 15 * 60e3, '1h': 3600e3, '24h': 24 * 3600e3, '7d': 7 * 24 * 3600e3 };
  const POSTS_LIMIT = 50;
  const TERMS_LIMIT = 10;
  const REFRESH_THROTTLE_MS = 5000;
  const MAX_BACKOFF_MS = 15000;
  const TOKEN_KEY = 'undertone.token';
  const THEME_KEY = 'undertone.theme';

  const state = {
    token: localStorage.getItem(TOKEN_KEY),
    termsField: 'hashtags',
    lastTotal: null,
    lastDropped: 0,
    stream: null,
    backoff: 1000,
    refreshTimer: null,
    lastRefresh: 0,
    charts: {},
    summary: null,
    timeline: null,
    gen: 0,
    livePosts: 0,
  };

  const $ = (id) => document.getElementById(id);

  // What other dashboard scripts (monitor.js) plug in: refresh, alert, sourcesDown.
  const hooks = {};

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(raw) {
    if (typeof raw !== 'string') return null;
    try {
      const u = new URL(raw);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function fmt(n) {
    return Number(n).toLocaleString();
  }

  function pct(n, total) {
    return total > 0 ? (100 * n / total).toFixed(1) + '%' : '–';
  }

  // ---- filters ----

  function formFilter() {
    return {
      track: $('f-track').value.trim(),
      sentiment: $('f-sentiment').value,
      lang: $('f-lang').value.trim(),
      range: $('f-range').value,
      q: $('f-q').value.trim(),
    };
  }

  function params(extra) {
    const f = formFilter();
    const p = new URLSearchParams();
    for (const k of ['track', 'sentiment', 'lang', 'q']) {
      if (f[k]) p.set(k, f[k]);
    }
    if (RANGES[f.range]) p.set('from', new Date(Date.now() - RANGES[f.range]).toISOString());
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  }

  function formFromUrl() {
    const u = new URLSearchParams(location.search);
    $('f-track').value = u.get('track') || '';
    $('f-sentiment').value = (u.get('sentiment') || '').toUpperCase();
    if (!$('f-sentiment').value) $('f-sentiment').value = '';
    $('f-lang').value = u.get('lang') || '';
    $('f-range').value = RANGES[u.get('range')] ? u.get('range') : '';
    $('f-q').value = u.get('q') || '';
  }

  function urlFromForm() {
    const f = formFilter();
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) u.set(k, v);
    const qs = u.toString();
    history.replaceState(null, '', qs ? '?' + qs : location.pathname);
  }

  // ---- API ----

  class AuthNeeded extends Error {}

  // Answers to requests made before the filters last changed are dropped, so a slow old answer
  // never overwrites a newer one.
  class Stale extends Error {}

  function headers(accept) {
    const h = { Accept: accept || 'application/json' };
    if (state.token) h.Authorization = 'Bearer ' + state.token;
    return h;
  }

  async function api(path, extra) {
    const gen = state.gen;
    const res = await fetch(path + '?' + params(extra), { headers: headers(), cache: 'no-store' });
    if (gen !== state.gen) throw new Stale('filters changed');
    if (res.status === 401) {
      askToken();
      throw new AuthNeeded('token needed');
    }
    let body = {};
    try {
      body = await res.json();
    } catch (e) {
      body = {};
    }
    if (!res.ok) throw new Error(body.error || 'HTTP ' + res.status);
    if (gen !== state.gen) throw new Stale('filters changed');
    return body;
  }

  function showError(e) {
    if (e instanceof AuthNeeded || e instanceof Stale) return;
    $('error').textContent = String(e && e.message ? e.message : e);
    $('error').hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
  }

  function askToken() {
    $('token-form').hidden = false;
    setStatus('error', 'access token needed');
    $('token').focus();
  }

  // ---- summary, donut, coverage ----

  function renderSummary(s) {
    state.summary = s;
    const total = s.total || 0;
    $('count-total').textContent = fmt(total);
    for (const l of LABELS) {
      const n = (s.sentiment && s.sentiment[l]) || 0;
      $('count-' + l).textContent = fmt(n);
      $('pct-' + l).textContent = pct(n, total);
    }
    $('count-UNSCORED').textContent = fmt(s.unscored || 0);
    $('pct-UNSCORED').textContent = pct(s.unscored || 0, total);
    $('coverage-scored').textContent = fmt(total - (s.unscored || 0)) + ' (' + pct(total - (s.unscored || 0), total) + ')';
    $('coverage-unscored').textContent = fmt(s.unscored || 0);
    const ul = $('coverage-reasons');
    ul.replaceChildren();
    for (const [reason, n] of Object.entries(s.unscored_reasons || {})) {
      ul.append(el('li', null, reason.replace(/_/g, ' ') + ': ' + fmt(n)));
    }
    renderLanguages(s.languages || {});
    drawDonut();
  }

  // Per-language counts: the filter's suggestions, which languages are scored, and a stacked bar
  // per language. Codes come from post metadata: untrusted, so text only.
  function renderLanguages(langs) {
    const entries = Object.entries(langs);
    const list = $('f-lang-list');
    list.replaceChildren();
    for (const [code, c] of entries) {
      if (code === 'und') continue; // posts without a language cannot be filtered by one
      const o = document.createElement('option');
      o.value = code;
      o.label = code + ' (' + fmt(c.total || 0) + ')';
      list.append(o);
    }
    const scored = [];
    const unscored = [];
    for (const [code, c] of entries) {
      const n = (c.total || 0) - (c.unscored || 0);
      (n > 0 ? scored : unscored).push(langName(code) + ' ' + fmt(n > 0 ? n : c.total || 0));
    }
    $('coverage-languages').textContent = entries.length === 0 ? '' :
      'Scored: ' + (scored.join(', ') || 'none') + ' · Not scored: ' + (unscored.join(', ') || 'none');
    const rows = $('languages-rows');
    rows.replaceChildren();
    for (const [code, c] of entries) {
      const total = c.total || 0;
      const tr = document.createElement('tr');
      tr.className = 'lang-row';
      tr.dataset.lang = code;
      tr.append(el('th', null, langName(code)), el('td', 'n', fmt(total)),
        el('td', 'n', fmt(total - (c.unscored || 0))), el('td', 'n', fmt(c.unscored || 0)));
      const bar = el('div', 'stack');
      bar.setAttribute('role', 'img');
      const parts = [];
      for (const l of ALL) {
        const n = (l === 'UNSCORED' ? c.unscored : c[l]) || 0;
        if (n === 0 || total === 0) continue;
        const seg = el('span', 'seg s-' + l);
        seg.style.width = (100 * n / total).toFixed(2) + '%';
        seg.style.background = 'var(--' + l + ')';
        seg.title = NAMES[l] + ': ' + fmt(n);
        bar.append(seg);
        parts.push(NAMES[l] + ' ' + fmt(n));
      }
      bar.setAttribute('aria-label', langName(code) + ': ' + parts.join(', '));
      const td = el('td', 'bar');
      td.append(bar);
      tr.append(td);
      rows.append(tr);
    }
    $('languages').hidden = entries.length === 0;
  }

  function langName(code) {
    return code === 'und' ? 'no language' : String(code);
  }

  function drawDonut() {
    const s = state.summary;
    if (!s || !window.Chart) return;
    const data = ALL.map((l) => (l === 'UNSCORED' ? s.unscored : s.sentiment[l]) || 0);
    const colors = ALL.map((l) => css('--' + l));
    const chart = state.charts.donut;
    if (chart) {
      chart.data.datasets[0].data = data;
      chart.data.datasets[0].backgroundColor = colors;
      chart.update('none');
      return;
    }
    state.charts.donut = new Chart($('donut'), {
      type: 'doughnut',
      data: { labels: ALL.map((l) => NAMES[l]), datasets: [{ data, backgroundColor: colors, borderColor: css('--panel'), borderWidth: 2 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        cutout: '62%',
        plugins: {
          legend: { position: 'right', labels: { color: css('--text'), boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const total = ctx.dataset.data.reduce((a, b) => a + b, 0);
                return ' ' + ctx.label + ': ' + fmt(ctx.parsed) + ' (' + pct(ctx.parsed, total) + ')';
              },
            },
          },
        },
      },
    });
  }

  // ---- timeline ----

  function bucketLabel(iso, interval) {
    const d = new Date(iso);
    if (/d$/.test(interval)) return d.toLocaleDateString();
    if (/h$/.test(interval)) return d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: /s$/.test(interval) ? '2-digit' : undefined });
  }

  function renderTimeline(t) {
    state.timeline = t;
    $('timeline-interval').textContent = t.buckets.length ? 'per ' + t.interval : 'no posts in range';
    drawTimeline();
  }

  function drawTimeline() {
    const t = state.timeline;
    if (!t || !window.Chart) return;
    const labels = t.buckets.map((b) => bucketLabel(b.start, t.interval));
    const net = t.buckets.map((b) => {
      const scored = LABELS.reduce((a, l) => a + b[l], 0);
      return scored > 0 ? Number(((b.POSITIVE - b.NEGATIVE) / scored).toFixed(3)) : null;
    });
    const datasets = ALL.map((l) => ({
      type: 'bar',
      label: NAMES[l],
      data: t.buckets.map((b) => b[l]),
      backgroundColor: css('--' + l),
      stack: 'posts',
      yAxisID: 'y',
      order: 2,
    }));
    datasets.push({
      type: 'line',
      label: 'net sentiment',
      data: net,
      borderColor: css('--NET'),
      backgroundColor: css('--NET'),
      yAxisID: 'net',
      spanGaps: true,
      borderWidth: 2,
      tension: 0,
      pointRadius: 2,
      order: 1,
    });
    if (state.charts.timeline) state.charts.timeline.destroy();
    state.charts.timeline = new Chart($('timeline'), {
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, ticks: { color: css('--muted'), maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: css('--muted'), precision: 0 }, grid: { color: css('--grid') }, title: { display: true, text: 'posts', color: css('--muted') } },
          net: { position: 'right', min: -1, max: 1, ticks: { color: css('--muted') }, grid: { display: false }, title: { display: true, text: 'net (pos − neg) / scored', color: css('--muted') } },
        },
        plugins: { legend: { labels: { color: css('--text'), boxWidth: 12 } } },
      },
    });
  }

  // ---- terms ----

  function renderTerms(t) {
    const grid = $('terms');
    grid.replaceChildren();
    const prefix = t.field === 'hashtags' ? '#' : t.field === 'mentions' ? '@' : '';
    for (const l of LABELS) {
      const col = el('div', 'terms-col s-' + l);
      const h = el('h3', null, NAMES[l]);
      h.style.color = css('--' + l);
      col.append(h);
      const list = (t.by_sentiment && t.by_sentiment[l]) || [];
      if (!list.length) {
        col.append(el('p', 'none', 'none yet'));
      } else {
        const ol = el('ol');
        for (const item of list) {
          const li = el('li');
          li.append(el('span', 'term', prefix + item.term), el('span', 'n', fmt(item.count)));
          ol.append(li);
        }
        col.append(ol);
      }
      grid.append(col);
    }
  }

  // ---- posts ----

  function timeText(iso) {
    const d = new Date(iso);
    const today = new Date();
    return d.toDateString() === today.toDateString()
      ? d.toLocaleTimeString()
      : d.toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function postRow(p, isNew) {
    const tr = el('tr', isNew ? 'new' : null);
    tr.dataset.key = String(p.key || p.source + ':' + p.id);
    const time = el('td', 'time', timeText(p.created_at));
    time.title = String(p.created_at);
    const sentiment = el('td', 'sentiment');
    sentiment.append(el('span', 'badge ' + (ALL.includes(p.sentiment) ? p.sentiment : 'UNSCORED'), NAMES[p.sentiment] || 'unscored'));
    if (p.unscored_reason) sentiment.append(el('span', 'reason', String(p.unscored_reason).replace(/_/g, ' ')));
    const conf = el('td', 'conf', typeof p.confidence === 'number' ? Math.round(p.confidence * 100) + '%' : '—');
    const lang = el('td', 'lang', p.lang || '—');
    // Jetstream posts carry only the author's DID; show it when there is no handle.
    const author = el('td', 'author', p.author ? '@' + p.author : p.author_id || '—');
    author.title = p.author || p.author_id || '';
    const text = el('td', 'text post-text', p.text);
    const link = el('td', 'link');
    const href = safeUrl(p.url);
    if (href) {
      const a = el('a', null, 'open ↗');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer nofollow';
      link.append(a);
    }
    tr.append(time, sentiment, conf, lang, author, text, link);
    return tr;
  }

  function renderPosts(page) {
    const body = $('posts').tBodies[0];
    body.replaceChildren(...page.posts.map((p) => postRow(p, false)));
    $('posts-total').textContent = fmt(page.total) + ' matching';
    $('posts-empty').hidden = page.posts.length > 0;
  }

  function addLivePost(p) {
    const body = $('posts').tBodies[0];
    const key = String(p.key || p.source + ':' + p.id);
    for (const row of body.rows) {
      if (row.dataset.key === key) row.remove();
    }
    body.prepend(postRow(p, true));
    while (body.rows.length > POSTS_LIMIT) body.deleteRow(body.rows.length - 1);
    $('posts-empty').hidden = true;
  }

  function removePosts(keys) {
    const body = $('posts').tBodies[0];
    for (const row of [...body.rows]) {
      if (keys.includes(row.dataset.key)) row.remove();
    }
  }

  // ---- loading ----

  async function loadSummary() {
    const s = await api('/api/summary');
    renderSummary(s);
    state.lastTotal = s.total;
  }

  async function loadTimeline() {
    renderTimeline(await api('/api/timeline', { interval: 'auto' }));
  }

  async function loadTerms() {
    renderTerms(await api('/api/terms', { field: state.termsField, limit: TERMS_LIMIT }));
  }

  async function loadPosts() {
    renderPosts(await api('/api/posts', { limit: POSTS_LIMIT }));
  }

  async function refreshAll() {
    state.lastRefresh = Date.now();
    try {
      await Promise.all([loadSummary(), loadTimeline(), loadTerms(), loadPosts(), ...(hooks.refresh ? [hooks.refresh()] : [])]);
      clearError();
      document.body.dataset.ready = 'true';
    } catch (e) {
      showError(e);
    }
  }

  async function refreshAggregates() {
    state.lastRefresh = Date.now();
    // No live posts although the counts grew: another process writes the index (serve beside a
    // replay), so the table is reloaded too.
    const reloadPosts = state.livePosts === 0;
    state.livePosts = 0;
    try {
      await Promise.all([loadTimeline(), loadTerms(), ...(reloadPosts ? [loadPosts()] : []), ...(hooks.refresh ? [hooks.refresh()] : [])]);
    } catch (e) {
      showError(e);
    }
  }

  function scheduleAggregates() {
    if (state.refreshTimer) return;
    const wait = Math.max(0, state.lastRefresh + REFRESH_THROTTLE_MS - Date.now());
    state.refreshTimer = setTimeout(() => {
      state.refreshTimer = null;
      refreshAggregates();
    }, wait);
  }

  // ---- live stream (fetch-based SSE, so the bearer token can be sent) ----

  function setStatus(s, text) {
    // The stream being up is not enough for "live": a source must be connected (monitor.js).
    const down = hooks.sourcesDown && hooks.sourcesDown();
    if (s === 'live' && down) {
      s = 'stale';
      text = down;
    }
    const e = $('live-status');
    e.dataset.state = s;
    e.textContent = text || s;
  }

  function parseEvent(raw) {
    let name = 'message';
    const data = [];
    for (const line of raw.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    return { name, data: data.join('\n') };
  }

  function handleEvent(ev) {
    if (!ev.data) return;
    const data = JSON.parse(ev.data);
    if (ev.name === 'post') {
      state.livePosts += 1;
      addLivePost(data);
    } else if (ev.name === 'deleted') {
      removePosts(data.keys || []);
    } else if (ev.name === 'alert') {
      if (hooks.alert) hooks.alert(data);
    } else if (ev.name === 'summary') {
      renderSummary(data);
      setStatus('live', 'live · ' + new Date().toLocaleTimeString());
      if (data.total !== state.lastTotal) {
        state.lastTotal = data.total;
        $('posts-total').textContent = fmt(data.total) + ' matching';
        scheduleAggregates();
      }
      if (data.dropped > state.lastDropped) {
        state.lastDropped = data.dropped;
        loadPosts().catch(showError);
      }
    }
  }

  async function connect() {
    if (state.stream) state.stream.abort();
    const ctrl = new AbortController();
    state.stream = ctrl;
    state.lastDropped = 0;
    try {
      const res = await fetch('/api/events?' + params(), { headers: headers('text/event-stream'), cache: 'no-store', signal: ctrl.signal });
      if (res.status === 401) {
        askToken();
        return;
      }
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
      setStatus('live', 'live');
      document.body.dataset.live = 'true';
      state.backoff = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value.replace(/\r\n?/g, '\n');
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const raw = buf.slice(0, i);
          buf = buf.slice(i + 2);
          try {
            handleEvent(parseEvent(raw));
          } catch (e) {
            console.warn('Skipping a live event that could not be read.', e);
          }
        }
      }
      throw new Error('stream ended');
    } catch (e) {
      if (ctrl.signal.aborted) return;
      document.body.dataset.live = 'false';
      setStatus('reconnecting', 'reconnecting…');
      const wait = state.backoff;
      state.backoff = Math.min(MAX_BACKOFF_MS, state.backoff * 2);
      setTimeout(() => {
        if (state.stream === ctrl) connect();
      }, wait);
    }
  }

  // ---- theme ----

  function applyTheme(t) {
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
    else delete document.documentElement.dataset.theme;
    $('theme-name').textContent = t || 'auto';
    for (const c of Object.values(state.charts)) c.destroy();
    state.charts = {};
    drawDonut();
    drawTimeline();
    const grid = $('terms');
    for (const col of grid.children) {
      const l = LABELS.find((x) => col.classList.contains('s-' + x));
      if (l) col.querySelector('h3').style.color = css('--' + l);
    }
  }

  function cycleTheme() {
    const order = ['auto', 'light', 'dark'];
    const now = localStorage.getItem(THEME_KEY) || 'auto';
    const next = order[(order.indexOf(now) + 1) % order.length];
    localStorage.setItem(THEME_KEY, next);
    applyTheme(next);
  }

  // ---- export ----

  async function download(format, evt) {
    if (!state.token) {
      evt.currentTarget.href = '/api/export?' + params({ format });
      return;
    }
    evt.preventDefault();
    try {
      const res = await fetch('/api/export?' + params({ format }), { headers: headers('*/*') });
      if (!res.ok) throw new Error('export failed: HTTP ' + res.status);
      const url = URL.createObjectURL(await res.blob());
      const a = el('a');
      a.href = url;
      a.download = 'undertone-posts.' + format;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      showError(e);
    }
  }

  // ---- wiring ----

  function applyFilters() {
    state.gen += 1;
    urlFromForm();
    state.lastTotal = null;
    refreshAll();
    connect();
  }

  // The few things monitor.js needs from this page, and where it plugs in.
  window.Undertone = {
    api,
    params,
    el,
    fmt,
    css,
    safeUrl,
    timeText,
    showError,
    hooks,
    selectTrack(track) {
      $('f-track').value = track;
      applyFilters();
    },
    currentTrack() {
      return $('f-track').value.trim();
    },
    refreshStatus() {
      const e = $('live-status');
      if (e.dataset.state === 'live' || e.dataset.state === 'stale') setStatus('live', 'live');
    },
  };

  document.addEventListener('DOMContentLoaded', () => {
    applyTheme(localStorage.getItem(THEME_KEY) || 'auto');
    formFromUrl();
    $('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      applyFilters();
    });
    $('f-reset').addEventListener('click', () => {
      HTMLFormElement.prototype.reset.call($('filters'));
      applyFilters();
    });
    $('theme-toggle').addEventListener('click', cycleTheme);
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      state.token = $('token').value.trim();
      localStorage.setItem(TOKEN_KEY, state.token);
      $('token-form').hidden = true;
      $('token').value = '';
      applyFilters();
    });
    for (const tab of document.querySelectorAll('.tabs button')) {
      tab.addEventListener('click', () => {
        state.termsField = tab.dataset.field;
        for (const t of document.querySelectorAll('.tabs button')) t.setAttribute('aria-selected', String(t === tab));
        loadTerms().catch(showError);
      });
    }
    $('export-jsonl').addEventListener('click', (e) => download('jsonl', e));
    $('export-csv').addEventListener('click', (e) => download('csv', e));
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(localStorage.getItem(THEME_KEY) || 'auto'));
    refreshAll();
    connect();
  });
})();

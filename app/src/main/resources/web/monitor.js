// Topic monitoring on the dashboard: the sources' state in words, the tracks side by side, and
// the alerts. Post texts, authors and URLs inside alerts are untrusted: they reach the page only
// through textContent and checked http(s) hrefs, never as markup.
'use strict';

(() => {
  const U = window.Undertone;
  if (!U) return;
  const { el, fmt } = U;
  const HEALTH_EVERY_MS = 2000;
  const MAX_CHART_TRACKS = 8;
  const ALERTS_LIMIT = 50;
  const PALETTE = ['#3867d6', '#e67e22', '#16a085', '#8e44ad', '#c0392b', '#2c3e50', '#d4ac0d', '#7f8c8d'];
  const KIND_NAMES = { volume: 'volume spike', negative_share: 'negative share' };

  const state = { sources: [], lastEvents: {}, lastPoll: 0, chart: null, tracks: null, alertsTotal: 0 };
  const $ = (id) => document.getElementById(id);

  function net(x) {
    return typeof x === 'number' ? (x > 0 ? '+' : '') + x.toFixed(2) : '–';
  }

  function utcTime(iso) {
    const d = new Date(iso);
    return d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  // ---- sources ----

  // The last error, shortened: "cannot resolve jetstream1.us-east.bsky.network (DNS)".
  function shortReason(s) {
    const raw = s.last_error ? String(s.last_error) : '';
    let host = null;
    try {
      host = s.endpoint ? new URL(String(s.endpoint)).hostname : null;
    } catch (e) {
      host = null;
    }
    if (/cannot resolve the host name \(DNS\)/.test(raw)) return 'cannot resolve ' + (host || 'the host name') + ' (DNS)';
    // "connecting to X: connecting to URL: why" says the why last.
    const parts = raw.split(': ');
    return parts.length > 2 ? parts.slice(2).join(': ') + (host ? ' (' + host + ')' : '') : raw;
  }

  // A source's state in words: connected; reconnecting, attempt N, with the reason; ...
  function sourceState(s) {
    const status = String(s.status || s.state || 'unknown');
    const reason = shortReason(s);
    if (status === 'connected') return { state: 'connected', text: 'connected' };
    if (status === 'reconnecting') {
      return { state: 'reconnecting', text: 'reconnecting, attempt ' + (s.attempt || 1) + (reason ? ': ' + reason : '') };
    }
    if (status === 'connecting') return { state: 'connecting', text: 'connecting…' + (reason ? ' (' + reason + ')' : '') };
    if (status === 'failed') return { state: 'failed', text: 'failed' + (reason ? ': ' + reason : '') };
    if (status === 'finished') return { state: 'finished', text: 'finished: the input ended' };
    return { state: status, text: status };
  }

  function renderSources(sources, seconds) {
    const panel = $('sources-panel');
    panel.hidden = sources.length === 0;
    const ul = $('sources');
    ul.replaceChildren();
    for (const s of sources) {
      const st = sourceState(s);
      const li = el('li');
      li.dataset.state = st.state;
      li.dataset.source = String(s.name);
      li.append(el('span', 'name', s.name), el('span', 'state', st.text));
      const events = typeof s.events === 'number' ? s.events : s.records;
      const before = state.lastEvents[s.name];
      state.lastEvents[s.name] = events;
      const meta = [];
      if (typeof events === 'number' && typeof before === 'number' && seconds > 0) {
        meta.push(fmt(Math.max(0, Math.round((events - before) / seconds))) + ' events/s');
      }
      if (typeof s.lag_seconds === 'number') meta.push('lag ' + s.lag_seconds.toFixed(1) + ' s');
      if (typeof s.gaps === 'number') meta.push(fmt(s.gaps) + ' gaps');
      if (typeof s.reconnects === 'number' && s.reconnects > 0) meta.push(fmt(s.reconnects) + ' reconnects');
      if (meta.length) li.append(el('span', 'meta', meta.join(' · ')));
      ul.append(li);
    }
  }

  // The text to show instead of "live" while no source is connected; null when all is well.
  U.hooks.sourcesDown = () => {
    const live = state.sources.filter((s) => s.status !== 'finished');
    if (state.sources.length === 0 || live.length === 0) return null;
    if (live.some((s) => s.status === 'connected')) return null;
    const first = sourceState(live[0]);
    return 'no source connected · ' + live[0].name + ' ' + first.text;
  };

  async function pollHealth() {
    try {
      const res = await fetch('/api/health', { headers: headersOnly(), cache: 'no-store' });
      const h = await res.json();
      const now = Date.now();
      const seconds = state.lastPoll ? (now - state.lastPoll) / 1000 : 0;
      state.lastPoll = now;
      state.sources = Array.isArray(h.sources) ? h.sources : [];
      renderSources(state.sources, seconds);
      U.refreshStatus();
    } catch (e) {
      // The live indicator already says when the server cannot be reached.
    }
  }

  function headersOnly() {
    const h = { Accept: 'application/json' };
    const token = localStorage.getItem('undertone.token');
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  // ---- tracks ----

  function renderTracks(body) {
    state.tracks = body;
    const panel = $('tracks-panel');
    panel.hidden = !body.tracks || body.tracks.length === 0;
    if (panel.hidden) return;
    $('tracks-window').textContent = 'now = the ' + body.window + ' window from ' + (body.window_start ? utcTime(body.window_start) : '–');
    const selected = U.currentTrack().toLowerCase();
    const tbody = $('tracks').tBodies[0];
    tbody.replaceChildren();
    body.tracks.forEach((t, i) => {
      const tr = el('tr');
      tr.dataset.track = String(t.track);
      if (selected && selected === String(t.track).toLowerCase()) tr.className = 'selected';
      const name = el('td', 'track');
      if (i < MAX_CHART_TRACKS) {
        const sw = el('span', 'swatch');
        sw.style.background = PALETTE[i];
        name.append(sw);
      }
      name.append(document.createTextNode(String(t.track)));
      const v = t.volume || {};
      const now = el('td', 'now', fmt(v.now || 0));
      if (typeof v.ratio === 'number' && v.ratio >= 2) now.classList.add('up');
      tr.append(
        name,
        el('td', 'total', fmt(t.total)),
        el('td', 'pos', fmt(t.sentiment.POSITIVE)),
        el('td', 'neg', fmt(t.sentiment.NEGATIVE)),
        el('td', 'net', net(t.net_sentiment)),
        now,
        el('td', 'baseline', typeof v.baseline === 'number' ? fmt(v.baseline) : '–'),
      );
      tr.addEventListener('click', () => {
        const same = U.currentTrack().toLowerCase() === String(t.track).toLowerCase();
        U.selectTrack(same ? '' : String(t.track));
      });
      tbody.append(tr);
    });
    drawTracksChart();
  }

  function drawTracksChart() {
    const body = state.tracks;
    if (!body || !window.Chart || !body.tracks.length) return;
    const shown = body.tracks.slice(0, MAX_CHART_TRACKS);
    const labels = (shown[0].series || []).map((p) => utcTime(p.start));
    const datasets = shown.map((t, i) => ({
      label: String(t.track),
      data: (t.series || []).map((p) => p.net),
      borderColor: PALETTE[i],
      backgroundColor: PALETTE[i],
      spanGaps: true,
      borderWidth: 2,
      pointRadius: 1,
      tension: 0,
    }));
    if (state.chart) state.chart.destroy();
    state.chart = new Chart($('tracks-chart'), {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { color: U.css('--muted'), maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: { min: -1, max: 1, ticks: { color: U.css('--muted') }, grid: { color: U.css('--grid') }, title: { display: true, text: 'net sentiment per ' + body.interval, color: U.css('--muted') } },
        },
        plugins: { legend: { labels: { color: U.css('--text'), boxWidth: 12 } } },
      },
    });
  }

  // ---- alerts ----

  function alertItem(a, isNew) {
    const li = el('li', isNew ? 'new' : null);
    li.dataset.kind = String(a.kind);
    li.dataset.key = String(a.track).toLowerCase() + '|' + a.kind + '|' + a.window_start;
    const head = el('div', 'head');
    head.append(el('span', 'kind', KIND_NAMES[a.kind] || String(a.kind)), el('span', 'track', a.track === '*' ? 'all posts' : String(a.track)));
    head.append(el('span', 'when', utcTime(a.window_start) + ' – ' + new Date(a.window_end).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
    li.append(head);
    let what;
    if (a.kind === 'negative_share' && typeof a.observed_share === 'number') {
      what = Math.round(100 * a.observed_share) + '% negative (' + fmt(a.observed) + ' posts), usually ' + Math.round(100 * a.expected_share) + '%';
    } else {
      what = fmt(a.observed) + ' posts, usually about ' + fmt(Math.round(a.expected));
    }
    li.append(el('p', 'what', what));
    if (Array.isArray(a.terms) && a.terms.length) {
      const terms = el('ul', 'terms');
      for (const t of a.terms) terms.append(el('li', null, t));
      li.append(terms);
    }
    if (Array.isArray(a.examples) && a.examples.length) {
      const ex = el('ul', 'examples');
      for (const e of a.examples) {
        const item = el('li', 'example');
        if (e.author) item.append(el('span', 'author', '@' + e.author));
        item.append(el('span', 'example-text', e.text));
        const href = U.safeUrl(e.url);
        if (href) {
          const link = el('a', null, ' ↗');
          link.href = href;
          link.target = '_blank';
          link.rel = 'noopener noreferrer nofollow';
          item.append(link);
        }
        ex.append(item);
      }
      li.append(ex);
    }
    return li;
  }

  function renderAlerts(body) {
    const list = $('alerts');
    list.replaceChildren(...body.alerts.map((a) => alertItem(a, false)));
    state.alertsTotal = body.total || 0;
    // Shown once there is something to monitor: tracks in force, or alerts.
    const tracked = state.tracks && state.tracks.tracks && state.tracks.tracks.length > 0;
    $('alerts-panel').hidden = state.alertsTotal === 0 && !tracked;
    $('alerts-total').textContent = state.alertsTotal ? fmt(state.alertsTotal) + ' in all' : '';
    $('alerts-empty').hidden = body.alerts.length > 0;
  }

  U.hooks.alert = (a) => {
    const list = $('alerts');
    const item = alertItem(a, true);
    let known = false;
    for (const li of [...list.children]) {
      if (li.dataset.key === item.dataset.key) {
        li.remove();
        known = true;
      }
    }
    list.prepend(item);
    $('alerts-panel').hidden = false;
    if (!known) state.alertsTotal += 1;
    $('alerts-total').textContent = fmt(state.alertsTotal) + ' in all';
    while (list.children.length > ALERTS_LIMIT) list.lastChild.remove();
    $('alerts-empty').hidden = true;
  };

  U.hooks.refresh = async () => {
    // Every track stays listed whatever the track filter: the table is how one picks a track.
    const [tracks, alerts] = await Promise.all([U.api('/api/tracks', { track: '' }), U.api('/api/alerts', { limit: ALERTS_LIMIT })]);
    renderTracks(tracks);
    renderAlerts(alerts);
  };

  document.addEventListener('DOMContentLoaded', () => {
    pollHealth();
    setInterval(pollHealth, HEALTH_EVERY_MS);
  });
})();

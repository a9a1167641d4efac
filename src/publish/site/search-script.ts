import { JOINERS, LONG_VOWEL_MARKS } from '../../text/index.js';
import { SEARCH_INDEX_VERSION } from './search-index.js';

/**
 * `assets/search.js`, the search page's script: reads the query from `?q=`, normalises it as
 * the index was (NFKC, lower case, then the katakana folding of `src/text/fold.ts`, written
 * out again here for the browser — the tests run both on the same strings), looks up each
 * term's characters or character pairs in the index's newest month first, and lists the
 * entries that hold every term, newest first, a page at a time. Results are built with DOM
 * calls and `textContent`, never from markup, so no clip text can become an element.
 *
 * It also sets `globalThis.kirinukiSearch` to its pure parts (`normalise`, `termKeys`,
 * `shardOf`, `readShard`), which the tests call.
 */
export const searchScript = `// kirinuki static search: see src/publish/site/search-index.ts for the index format.
(function () {
  'use strict';
  var VERSION = ${SEARCH_INDEX_VERSION};
  var PAGE = 20;
  var LONG = ${JSON.stringify(LONG_VOWEL_MARKS)};
  var JOIN = ${JSON.stringify(JOINERS)};
  var WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

  function folded(u) {
    if (u >= 0x41 && u <= 0x5a) return u + 0x20;
    if (u >= 0xff01 && u <= 0xff5e) return folded(u - 0xfee0);
    if (u === 0xff70) return 0x30fc;
    if (u === 0xff65) return 0x30fb;
    if (u === 0x30a1 || u === 0x30a3 || u === 0x30a5 || u === 0x30a7 || u === 0x30a9) return u + 1;
    if (u === 0x30f4) return 0x30d6;
    if (u === 0x3094) return 0x3076;
    return u;
  }
  function isKatakana(c) {
    return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
  }
  function katakanaAt(t, j) {
    return isKatakana(folded(t.charCodeAt(j)));
  }
  function katakanaBefore(t, j) {
    return katakanaAt(t, j) || (LONG.indexOf(t.charCodeAt(j)) >= 0 && katakanaAt(t, j - 1));
  }
  function vuWith(s) {
    return s === 0x30a1 ? 0x30d0 : s === 0x30a3 ? 0x30d3 : s === 0x30a7 ? 0x30d9 : s === 0x30a9 ? 0x30dc : -1;
  }
  function foldCode(t, i) {
    var raw = t.charCodeAt(i);
    if (raw === 0x30f4) {
      var v = vuWith(t.charCodeAt(i + 1));
      return v < 0 ? 0x30d6 : v;
    }
    var isLong = LONG.indexOf(raw) >= 0;
    var isJoin = JOIN.indexOf(raw) >= 0;
    if ((!isLong && !isJoin) || !katakanaBefore(t, i - 1)) return folded(raw);
    if (isLong) return -1;
    return katakanaAt(t, i + 1) ? -1 : folded(raw);
  }
  /** The archive's normaliseForMatch: NFKC, lower case, then the katakana folding. */
  function normalise(text) {
    var t = text.normalize('NFKC').toLowerCase();
    var out = '';
    for (var i = 0; i < t.length; ) {
      var code = foldCode(t, i);
      if (code >= 0) out += String.fromCharCode(code);
      i += t.charCodeAt(i) === 0x30f4 && vuWith(t.charCodeAt(i + 1)) >= 0 ? 2 : 1;
    }
    return out;
  }
  /** The keys a normalised term is looked up by: its character, or each pair of its characters. */
  function termKeys(term) {
    if (term.length === 1) return [term.charCodeAt(0)];
    var keys = [];
    for (var i = 0; i + 1 < term.length; i += 1) {
      var key = term.charCodeAt(i) * 65536 + term.charCodeAt(i + 1);
      if (keys.indexOf(key) < 0) keys.push(key);
    }
    return keys;
  }
  function shardOf(key, shards) {
    return (Math.imul(key | 0, 0x9e3779b1) >>> 8) % shards;
  }
  function varint(bytes, state) {
    var value = 0;
    var scale = 1;
    for (;;) {
      var b = bytes[state.at++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }
  /** A shard's keys: a Map from key to its document numbers, ascending. */
  function readShard(bytes) {
    var state = { at: 0 };
    var n = varint(bytes, state);
    var keys = [], counts = [], lengths = [];
    var key = 0;
    for (var i = 0; i < n; i += 1) {
      key += varint(bytes, state);
      keys.push(key);
      counts.push(varint(bytes, state));
      lengths.push(varint(bytes, state));
    }
    var map = new Map();
    var offset = state.at;
    for (var k = 0; k < n; k += 1) {
      map.set(keys[k], { offset: offset, count: counts[k] });
      offset += lengths[k];
    }
    return {
      docs: function (wanted) {
        var where = map.get(wanted);
        if (!where) return [];
        var s = { at: where.offset };
        var out = [];
        var doc = 0;
        for (var j = 0; j < where.count; j += 1) {
          doc += varint(bytes, s);
          out.push(doc);
        }
        return out;
      },
    };
  }
  function intersect(a, b) {
    var out = [];
    for (var i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i += 1;
        j += 1;
      } else if (a[i] < b[j]) i += 1;
      else j += 1;
    }
    return out;
  }
  globalThis.kirinukiSearch = { normalise: normalise, termKeys: termKeys, shardOf: shardOf, readShard: readShard };
  if (typeof document === 'undefined') return;

  var form = document.getElementById('site-search');
  var input = document.getElementById('site-search-input');
  var status = document.getElementById('site-search-status');
  var list = document.getElementById('site-search-results');
  var more = document.getElementById('site-search-more');
  if (!form || !input || !status || !list || !more) return;
  var root = form.getAttribute('data-root') || '';
  var manifest = null;
  var files = new Map();
  var run = 0;
  var pending = null;

  function load(path, kind) {
    if (!files.has(path))
      files.set(path, fetch(root + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return kind === 'json' ? r.json() : r.arrayBuffer().then(function (b) { return readShard(new Uint8Array(b)); });
      }));
    return files.get(path);
  }
  function japaneseDate(day) {
    var d = new Date(day + 'T00:00:00Z');
    return Number(day.slice(0, 4)) + '年' + Number(day.slice(5, 7)) + '月' + Number(day.slice(8, 10)) + '日(' + WEEKDAYS[d.getUTCDay()] + ')';
  }
  /** The title with each place that normalises to a term marked. */
  function marked(title, terms) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    for (var i = 0; i < title.length; i += 1) {
      var end = -1;
      for (var t = 0; t < terms.length && end < 0; t += 1)
        for (var j = i + 1; j <= Math.min(title.length, i + terms[t].length * 2 + 2); j += 1)
          if (normalise(title.slice(i, j)) === terms[t]) { end = j; break; }
      if (end < 0) continue;
      fragment.appendChild(document.createTextNode(title.slice(last, i)));
      var mark = document.createElement('mark');
      mark.textContent = title.slice(i, end);
      fragment.appendChild(mark);
      last = end;
      i = end - 1;
    }
    fragment.appendChild(document.createTextNode(title.slice(last)));
    return fragment;
  }
  async function segmentMatches(segment, terms) {
    var result = null;
    for (var t = 0; t < terms.length; t += 1) {
      var keys = termKeys(terms[t]);
      for (var k = 0; k < keys.length; k += 1) {
        var shard = await load('search/' + segment.dir + '/' + shardOf(keys[k], segment.shards) + '.bin', 'bin');
        var docs = shard.docs(keys[k]);
        result = result === null ? docs : intersect(result, docs);
        if (result.length === 0) return result;
      }
    }
    return result || [];
  }
  async function* matches(terms) {
    for (var s = 0; s < manifest.segments.length; s += 1) {
      var segment = manifest.segments[s];
      var docs = await segmentMatches(segment, terms);
      if (docs.length === 0) continue;
      var table = await load('search/' + segment.dir + '/docs.json', 'json');
      for (var d = docs.length - 1; d >= 0; d -= 1) yield table[docs[d]];
    }
  }
  function item(doc, terms) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.className = 'site-headline';
    a.href = root + 'days/' + doc[0] + '.html#' + doc[1];
    a.appendChild(marked(doc[2], terms));
    var meta = document.createElement('span');
    meta.className = 'site-meta';
    meta.textContent = [japaneseDate(doc[0]), doc[3], doc[4] ? doc[4].split(' ').map(function (t) { return '#' + t; }).join(' ') : '']
      .filter(function (s) { return s; })
      .join(' ・ ');
    li.appendChild(a);
    li.appendChild(meta);
    (doc[5] || '').split('\\n').filter(function (l) { return l !== ''; }).slice(0, 3).forEach(function (line) {
      var p = document.createElement('p');
      p.className = 'site-excerpt';
      p.appendChild(marked(line, terms));
      li.appendChild(p);
    });
    return li;
  }
  async function page(state) {
    var shown = 0;
    while (shown < PAGE) {
      var next = await state.iterator.next();
      if (state.run !== run) return;
      if (next.done) { state.done = true; break; }
      list.appendChild(item(next.value, state.terms));
      state.count += 1;
      shown += 1;
    }
    status.textContent = state.count === 0
      ? '「' + state.query + '」を含む切り抜きはありません。'
      : '「' + state.query + '」を含む切り抜き: ' + state.count + '件' + (state.done ? '' : '以上(新しい順)');
    more.hidden = state.done;
  }
  async function search(query) {
    run += 1;
    list.textContent = '';
    more.hidden = true;
    var terms = normalise(query).split(/\\s+/).filter(function (t) { return t !== ''; });
    if (terms.length === 0) { status.textContent = ''; return; }
    status.textContent = '検索中…';
    try {
      if (manifest === null) manifest = await load('search/index.json', 'json');
      if (manifest.version !== VERSION) throw new Error('search index version ' + manifest.version);
      pending = { run: run, query: query.trim(), terms: terms, iterator: matches(terms), count: 0, done: false };
      await page(pending);
    } catch (e) {
      status.textContent = '検索インデックスを読み込めませんでした(' + (e && e.message ? e.message : e) + ')';
    }
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = input.value;
    var url = new URL(location.href);
    url.searchParams.set('q', query);
    history.replaceState(null, '', url);
    search(query);
  });
  more.addEventListener('click', function () {
    if (pending && !pending.done) page(pending);
  });
  var initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
`;

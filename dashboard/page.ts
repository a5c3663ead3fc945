/**
 * The start page: department complaint counts from the stats API, and the latest complaints.
 * Plain HTML and a few lines of script (no build step); the Svelte dashboard replaces it later.
 * Everything from the API is written with textContent, never as HTML.
 */
export const START_PAGE = /* html */ `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>反馈 fankui · 跨部门客诉</title>
<style>
  :root { --ink:#1f2933; --muted:#6b7780; --line:#e4e7eb; --bg:#f7f8fa; --accent:#c2410c; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.5 -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color:var(--ink); background:var(--bg); }
  header { background:#fff; border-bottom:1px solid var(--line); padding:14px 24px; display:flex; align-items:center; gap:16px; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; font-weight:600; }
  header .sub { color:var(--muted); }
  header .range { margin-left:auto; display:flex; gap:6px; }
  header button { border:1px solid var(--line); background:#fff; padding:4px 10px; border-radius:6px; cursor:pointer; font:inherit; }
  header button[aria-pressed="true"] { background:var(--ink); color:#fff; border-color:var(--ink); }
  main { max-width:1100px; margin:0 auto; padding:20px 24px 40px; display:grid; gap:20px; grid-template-columns: 1fr 1fr; }
  section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:16px 18px; }
  section h2 { font-size:15px; margin:0 0 12px; }
  .kpis { grid-column:1 / -1; display:grid; grid-template-columns:repeat(3, 1fr); gap:20px; padding:0; background:none; border:none; }
  .kpi { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 18px; }
  .kpi .v { font-size:26px; font-weight:600; font-variant-numeric:tabular-nums; }
  .kpi .l { color:var(--muted); }
  .bar { display:grid; grid-template-columns:72px 1fr 64px; align-items:center; gap:10px; margin:8px 0; }
  .bar .track { background:#f1f3f5; border-radius:4px; height:18px; overflow:hidden; }
  .bar .fill { background:var(--accent); height:100%; border-radius:4px; min-width:2px; }
  .bar .n { text-align:right; font-variant-numeric:tabular-nums; }
  .bar .name small { color:var(--muted); display:block; font-size:11px; line-height:1; }
  ul.msgs { list-style:none; padding:0; margin:0; max-height:420px; overflow:auto; }
  ul.msgs li { padding:8px 0; border-bottom:1px solid var(--line); }
  ul.msgs .meta { color:var(--muted); font-size:12px; display:flex; gap:8px; }
  ul.msgs .why { color:var(--muted); font-size:12px; margin-top:2px; }
  ul.msgs .low { color:#b45309; }
  .tag { display:inline-block; padding:0 6px; border-radius:4px; background:#fff1e6; color:var(--accent); font-size:12px; }
  .status { grid-column:1 / -1; color:var(--muted); font-size:12px; min-height:18px; }
  .error { color:#b91c1c; }
  @media (max-width: 800px) { main { grid-template-columns:1fr; } .kpis { grid-template-columns:1fr; } }
</style>
</head>
<body>
<header>
  <h1>反馈 fankui</h1><span class="sub">跨部门客诉分析 · 各部门客诉数</span>
  <div class="range" role="group" aria-label="时间范围">
    <button data-days="7">近7天</button><button data-days="30" aria-pressed="true">近30天</button><button data-days="90">近90天</button><button data-days="365">近一年</button>
  </div>
</header>
<main>
  <div class="status" id="status"></div>
  <div class="kpis">
    <div class="kpi"><div class="v" id="k-messages">–</div><div class="l">消息数</div></div>
    <div class="kpi"><div class="v" id="k-complaints">–</div><div class="l">客诉数（客户消息）</div></div>
    <div class="kpi"><div class="v" id="k-rate">–</div><div class="l">客诉占比</div></div>
  </div>
  <section><h2 id="range-title">各部门客诉</h2><div id="bars"></div></section>
  <section><h2>最新客诉</h2><ul class="msgs" id="msgs"></ul></section>
</main>
<script type="module">
const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat('zh-CN');
// A complaint's confidence is P(complaint) × P(its department): under one half the classifier more likely has the
// line or its owner wrong, so the item is marked for review (it still counts until someone corrects it).
const LOW_CONFIDENCE = 0.5;
let days = 30;
let labels = {};

function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function shiftDay(day, n) { const t = new Date(day + 'T00:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); }

async function getJson(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

async function load() {
  try {
    const stats = await getJson('/api/stats/departments?from=' + shiftDay(todayGuess, -(days - 1)) + '&to=' + todayGuess);
    $('range-title').textContent = '各部门客诉 · ' + stats.from + ' 至 ' + stats.to;
    $('k-messages').textContent = fmt.format(stats.messages);
    $('k-complaints').textContent = fmt.format(stats.complaints);
    $('k-rate').textContent = stats.messages ? (100 * stats.complaints / stats.messages).toFixed(1) + '%' : '–';
    const max = Math.max(1, ...stats.departments.map((d) => d.complaints));
    const bars = $('bars'); bars.replaceChildren();
    for (const d of stats.departments) {
      labels[d.department] = d.label;
      const row = el('div', 'bar');
      const name = el('div', 'name', d.label); name.appendChild(el('small', '', d.department));
      const track = el('div', 'track'); const fill = el('div', 'fill'); fill.style.width = (100 * d.complaints / max) + '%'; track.appendChild(fill);
      row.append(name, track, el('div', 'n', fmt.format(d.complaints)));
      bars.appendChild(row);
    }
    const list = await getJson('/api/messages?complaint=true&limit=30&from=' + stats.from + '&to=' + stats.to);
    const ul = $('msgs'); ul.replaceChildren();
    if (list.items.length === 0) ul.appendChild(el('li', '', '该时间段没有客诉'));
    for (const m of list.items) {
      const li = el('li');
      li.appendChild(el('div', '', m.text));
      const meta = el('div', 'meta');
      const low = m.confidence < LOW_CONFIDENCE;
      meta.append(el('span', 'tag', labels[m.department] || m.department || ''), el('span', '', new Date(m.sentAt).toLocaleString('zh-CN', { hour12: false })), el('span', low ? 'low' : '', '置信度 ' + Math.round(m.confidence * 100) + '%' + (low ? '（待复核）' : '')), el('span', '', m.shop || ''));
      li.appendChild(meta);
      li.appendChild(el('div', 'why', whyText(m)));
      ul.appendChild(li);
    }
  } catch (e) {
    $('status').replaceChildren(el('span', 'error', '加载失败：' + e.message));
  }
}

// Why a line counts: the words the classifier found in it, and, for a line that names no problem itself (还可以换吗,
// a bare order number), the words of the conversation it carries on. A line with neither (好吧 我等你们消息 with
// no problem named earlier) was judged by its conversation and its wording as a whole.
function whyText(m) {
  const own = m.evidence && m.evidence.length > 0 ? m.evidence.slice(0, 5).join('、') : '';
  const ctx = m.contextEvidence && m.contextEvidence.length > 0 ? '承接上文：' + m.contextEvidence.join('、') : '';
  if (!own && !ctx) return '依据：无明确问题词，按会话上下文与整体语义判断';
  return '依据：' + [own, ctx].filter(Boolean).join('；');
}

let todayGuess = new Date().toISOString().slice(0, 10);
async function pollStatus() {
  try {
    const s = await getJson('/api/status');
    todayGuess = s.today || todayGuess;
    const d = s.demo;
    if (d && d.state === 'loading') {
      $('status').textContent = '正在载入演示数据… ' + fmt.format(d.published) + ' 条（' + Math.round(100 * d.fraction) + '%）';
      await load();
      setTimeout(pollStatus, 2000);
      return;
    }
    $('status').textContent = d && d.state === 'done' ? '演示数据已载入：' + fmt.format(d.published) + ' 条消息' : '';
  } catch { /* status is optional */ }
  await load();
}

for (const b of document.querySelectorAll('header button')) {
  b.addEventListener('click', () => {
    days = Number(b.dataset.days);
    for (const o of document.querySelectorAll('header button')) o.setAttribute('aria-pressed', String(o === b));
    load();
  });
}
pollStatus();
</script>
</body>
</html>
`;

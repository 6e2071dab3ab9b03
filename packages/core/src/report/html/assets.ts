import { createHash } from 'node:crypto';

/*
 * The page's only style sheet and script, inlined: the report is one file that opens from disk, in
 * a mail attachment or an archive, with no network. The Content-Security-Policy allows exactly
 * these two by hash and nothing else (no fetch, no images, no fonts from the web).
 */

export const STYLE = `
:root{--ink:#0f172a;--muted:#475569;--faint:#64748b;--line:#e2e8f0;--bg:#f1f5f9;--panel:#fff;--accent:#1d4ed8;
--fail:#b42318;--fail-bg:#fef3f2;--fail-line:#fecdca;--unknown:#b54708;--unknown-bg:#fffaeb;--unknown-line:#fedf89;
--waived:#175cd3;--waived-bg:#eff8ff;--waived-line:#b2ddff;--pass:#067647;--pass-bg:#ecfdf3;--pass-line:#abefc6;
--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-9999px}.skip:focus{left:16px;top:8px;background:#fff;padding:6px 10px;z-index:2}
.wrap{max-width:1280px;margin:0 auto;padding:0 28px}
.top{background:#0f172a;color:#e2e8f0}
.top .wrap{padding-top:22px;padding-bottom:0}
.brand{font-size:12px;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:#93c5fd;margin:0}
h1{font-size:26px;line-height:1.25;margin:4px 0 6px;color:#fff}
.subtitle{margin:0;color:#cbd5e1}
.facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:14px 0 0;padding:0}
.facts div{min-width:0}
.facts-inputs{flex-basis:100%}
.inputs{margin:0;padding:0;list-style:none}
.inputs code{font-size:12px;color:#e2e8f0}
.facts dt{font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:#94a3b8}
.facts dd{margin:0;color:#f8fafc;overflow-wrap:anywhere}
.toc{margin-top:16px;display:flex;flex-wrap:wrap;gap:4px}
.toc a{color:#cbd5e1;text-decoration:none;padding:8px 12px;border-bottom:3px solid transparent;font-weight:500}
.toc a:hover,.toc a:focus{color:#fff;border-bottom-color:#60a5fa}
main{padding-bottom:40px}
.verdict{display:flex;gap:18px;align-items:center;margin:24px 0 16px;padding:18px 22px;border:1px solid;border-radius:12px;background:var(--panel)}
.verdict-fail{border-color:var(--fail-line);background:var(--fail-bg)}
.verdict-pass{border-color:var(--pass-line);background:var(--pass-bg)}
.verdict-mark{flex:none;width:48px;height:48px;border-radius:50%;display:grid;place-items:center;font-size:26px;font-weight:800;color:#fff}
.verdict-fail .verdict-mark{background:var(--fail)}.verdict-pass .verdict-mark{background:var(--pass)}
.verdict-text{margin:0;font-size:21px;font-weight:700}
.verdict-fail .verdict-text{color:var(--fail)}.verdict-pass .verdict-text{color:var(--pass)}
.verdict-detail{margin:2px 0 0;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:0 0 8px;padding:0;list-style:none}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 16px;border-top:4px solid #cbd5e1}
.card-fail{border-top-color:var(--fail)}.card-unknown{border-top-color:var(--unknown)}.card-waived{border-top-color:var(--waived)}.card-pass{border-top-color:var(--pass)}.card-personal{border-top-color:#7c3aed}
.card-value{display:block;font-size:28px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.card-label{display:block;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.card-note{display:block;font-size:12px;color:var(--faint)}
section.panel{background:var(--panel);border:1px solid var(--line);border-radius:12px;padding:22px 26px;margin:20px 0}
h2{font-size:19px;margin:0 0 4px}
h3{font-size:15px;margin:22px 0 8px;display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
h3 .h-note{font-size:13px;font-weight:400;color:var(--muted)}
.lead{color:var(--muted);margin:0 0 16px;max-width:80ch}
.empty{color:var(--muted);font-style:italic;margin:8px 0}
table{width:100%;border-collapse:collapse;font-size:13px}
caption{text-align:left;color:var(--muted);font-size:12px;padding:7px 10px;border-bottom:1px solid var(--line)}
thead th{text-align:left;font-weight:600;color:var(--muted);background:#f8fafc;font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;border-bottom:1px solid var(--line)}
th,td{padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
tbody th{font-weight:600}
tbody tr:last-child>*{border-bottom:0}
.table-box{border:1px solid var(--line);border-radius:10px;overflow:hidden;overflow-x:auto}
.table-box.narrow{max-width:760px}
.fixed{table-layout:fixed}
.map-table thead th:nth-child(1){width:31%}.map-table thead th:nth-child(2){width:12%}.map-table thead th:nth-child(3){width:11%}.map-table thead th:nth-child(4){width:7%}.map-table thead th:nth-child(5){width:17%}.map-table thead th:nth-child(6){width:11%}.map-table thead th:nth-child(7){width:11%}
.findings-table thead th:nth-child(1){width:10%}.findings-table thead th:nth-child(2){width:19%}.findings-table thead th:nth-child(3){width:23%}
.flows-table thead th:nth-child(1){width:10%}.flows-table thead th:nth-child(2){width:11%}.flows-table thead th:nth-child(3){width:27%}.flows-table thead th:nth-child(4){width:27%}
.waivers-table thead th:nth-child(1){width:17%}.waivers-table thead th:nth-child(2){width:11%}.waivers-table thead th:nth-child(3){width:22%}.waivers-table thead th:nth-child(4){width:14%}.waivers-table thead th:nth-child(5){width:10%}
.num{text-align:right;font-variant-numeric:tabular-nums}
code,.mono{font-family:var(--mono);font-size:12.5px;overflow-wrap:anywhere}
.muted{color:var(--muted)}.small{font-size:12px}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;border:1px solid var(--line);background:#f8fafc;color:var(--muted);white-space:nowrap}
.badge-fail,.badge-outside,.badge-expired{color:var(--fail);background:var(--fail-bg);border-color:var(--fail-line)}
.badge-unknown,.badge-unused{color:var(--unknown);background:var(--unknown-bg);border-color:var(--unknown-line)}
.badge-waived,.badge-active{color:var(--waived);background:var(--waived-bg);border-color:var(--waived-line)}
.badge-pass,.badge-allowed{color:var(--pass);background:var(--pass-bg);border-color:var(--pass-line)}
.sev{font-size:12px;font-weight:600;text-transform:capitalize;white-space:nowrap}
.sev-critical{color:#7a271a}.sev-high{color:var(--fail)}.sev-medium{color:var(--unknown)}.sev-low{color:var(--muted)}
.jurisdictions{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px;margin:0 0 8px;padding:0;list-style:none}
.jur{border:1px solid var(--line);border-radius:10px;padding:10px 14px;border-top:4px solid #cbd5e1;background:#fff}
.jur-allowed{border-top-color:var(--pass)}.jur-outside{border-top-color:var(--fail);background:var(--fail-bg)}.jur-unknown{border-top-color:var(--unknown);background:var(--unknown-bg)}
.jur-empty{background:#fff;border-top-color:#cbd5e1}.jur-empty .jur-count{color:var(--faint)}
.jur-name{display:block;font-weight:700}
.jur-count{display:block;font-size:24px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.jur-state{display:block;font-size:12px}
.jur-allowed .jur-state{color:var(--pass)}.jur-outside .jur-state{color:var(--fail)}.jur-unknown .jur-state{color:var(--unknown)}
.jur-where{display:block;font-size:12px;color:var(--faint);overflow-wrap:anywhere}
.country-row th{background:#f8fafc;font-size:12.5px;color:var(--ink);text-transform:none;letter-spacing:0}
.pd{font-size:12.5px}
.diagram{margin:0;border:1px solid var(--line);border-radius:10px;padding:10px;overflow-x:auto;background:#fff}
svg.flow-diagram{display:block;max-width:100%;height:auto;font-family:inherit}
.band rect{fill:#f8fafc;stroke:#e2e8f0}
.band-allowed rect{fill:#f3fbf6;stroke:#c7ebd5}.band-outside rect{fill:#fff6f5;stroke:#fecdca}.band-unknown rect{fill:#fffcf2;stroke:#fedf89}
.band-title{font-size:13px;font-weight:700;fill:#0f172a}
.band-state{font-size:11px;fill:#475569}
.band-allowed .band-state{fill:#067647}.band-outside .band-state{fill:#b42318}.band-unknown .band-state{fill:#b54708}
.node rect{fill:#fff;stroke:#94a3b8}
.node-name{font-size:12px;font-weight:600;fill:#0f172a;font-family:var(--mono)}
.node-detail{font-size:11px;fill:#475569}
.flow path{fill:none;stroke-width:2}
.flow rect{fill:#fff;stroke-width:1}
.flow text{font-size:11px;font-weight:600}
.flow-outside path{stroke:#b42318}.flow-outside rect{stroke:#b42318}.flow-outside text{fill:#b42318}
.flow-unknown path{stroke:#b54708;stroke-dasharray:6 4}.flow-unknown rect{stroke:#b54708}.flow-unknown text{fill:#b54708}
.arrow-outside path{fill:#b42318}.arrow-unknown path{fill:#b54708}
.legend{display:flex;flex-wrap:wrap;gap:6px 22px;margin:10px 0 0;padding:0;list-style:none;font-size:12.5px;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:8px}
.swatch{display:inline-block;width:28px;height:0;border-top:2px solid}
.swatch-outside{border-color:var(--fail)}.swatch-unknown{border-color:var(--unknown);border-top-style:dashed}
.filters{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:center;padding:12px 16px;margin:0 0 12px;background:#f8fafc;border:1px solid var(--line);border-radius:10px}
.filters[hidden]{display:none}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}
.filters legend{float:left;margin-right:8px;font-size:11.5px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.filters label{display:inline-flex;gap:6px;align-items:center;cursor:pointer;white-space:nowrap}
.filters select{font:inherit;padding:3px 6px;border:1px solid #cbd5e1;border-radius:6px;background:#fff}
.filters button{font:inherit;padding:4px 12px;border:1px solid #cbd5e1;border-radius:6px;background:#fff;cursor:pointer}
.filters input{accent-color:var(--accent)}
.count-line{margin:0 0 8px;color:var(--muted);font-size:13px}
.finding{border-left:4px solid transparent}
.finding-fail{border-left-color:var(--fail)}.finding-unknown{border-left-color:var(--unknown)}.finding-waived{border-left-color:var(--waived)}
.finding-message{margin:0;font-weight:500}
.evidence{margin:4px 0 0;padding:0;list-style:none;font-size:12px;color:var(--muted)}
.evidence li{margin:2px 0}
.evidence code{font-size:11.5px;color:#334155;background:#f1f5f9;border-radius:4px;padding:0 4px}
.finding-extra{margin:4px 0 0;font-size:12px;color:var(--muted)}
.rule-id{font-family:var(--mono);font-weight:600;white-space:nowrap}
.rule-title{display:block;font-size:12px;color:var(--muted)}
.nonblocking{display:block;font-size:11px;color:var(--faint)}
.resource-region{display:block;font-size:12px;font-weight:400;color:var(--muted)}
.source{display:block;font-size:11.5px;font-weight:400;color:var(--faint);overflow-wrap:anywhere}
footer{color:var(--faint);font-size:12px;padding:8px 0 32px}
@media (max-width:760px){.wrap{padding:0 14px}section.panel{padding:16px}}
@media print{
@page{margin:14mm}
body{background:#fff;font-size:11px}
.top{background:#fff;color:#000;border-bottom:2px solid #000}
.top .wrap,.wrap{padding:0}
h1,.facts dd,.inputs code{color:#000}.brand,.subtitle,.facts dt{color:#333}
.toc,.filters,.skip{display:none}
section.panel{border:0;padding:0;margin:18px 0;break-inside:auto}
h2,h3{break-after:avoid}
tr,.jur,.card,.verdict{break-inside:avoid}
.diagram{overflow:visible;border:0;padding:0}
.table-box{overflow:visible}
a{color:inherit;text-decoration:none}
}
`;

/** Finding filters: checkboxes by status and category, a severity floor, blocking only. */
export const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('finding-filters');
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr[data-status]'));
  var count = document.getElementById('finding-count');
  var none = document.getElementById('finding-none');
  var severities = ['low', 'medium', 'high', 'critical'];
  function checked(name) {
    var set = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) {
      if (box.checked) set[box.value] = true;
    });
    return set;
  }
  function apply() {
    var status = checked('status');
    var category = checked('category');
    var blockingOnly = form.elements.namedItem('blocking').checked;
    var floor = severities.indexOf(form.elements.namedItem('severity').value);
    var shown = 0;
    rows.forEach(function (row) {
      var severity = severities.indexOf(row.getAttribute('data-severity'));
      var visible =
        status[row.getAttribute('data-status')] === true &&
        category[row.getAttribute('data-category')] === true &&
        (!blockingOnly || row.getAttribute('data-blocking') === 'true') &&
        // A severity this page does not know (from a newer report) is never filtered away.
        (severity < 0 || severity >= floor);
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings';
    if (none) none.hidden = shown !== 0;
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  apply();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Nothing may load: no network, no frames, no forms; only the inline style sheet and script above. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

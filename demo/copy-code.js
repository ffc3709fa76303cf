// "复制代码" on every demo page (README "Two distributions"): for each demo section, the exact HTML
// a webmaster pastes — the classic script from dist/cdn/ with its integrity hash (dist/cdn/sri.json,
// written by the build) and crossorigin, then the section's elements as written in the page.
// A classic script at the end of <body>: it runs before the module scripts upgrade the elements,
// so it reads their markup as authored. elements.html adds its examples through
// window.rdDemoCopyCode.attach(container, markup).
(function () {
  'use strict';
  var CDN = new URL('/dist/cdn/', location.href);
  var lang = (document.documentElement.lang || 'zh-CN').toLowerCase().indexOf('en') === 0 ? 'en' : 'zh';
  var TEXT = {
    zh: {
      copy: '复制代码',
      show: '查看代码',
      copied: '已复制到剪贴板：粘贴到网页的 HTML 中即可。',
      manual: '浏览器不允许自动复制：代码已选中，请按 Ctrl+C（Mac：⌘C）复制。',
      unavailable: '读取完整性校验值（dist/cdn/sri.json）失败：请先运行 npm run build。',
    },
    en: {
      copy: 'Copy code',
      show: 'Show the code',
      copied: 'Copied to the clipboard: paste it into the page’s HTML.',
      manual: 'The browser does not allow copying here: the code is selected, press Ctrl+C (Mac: ⌘C).',
      unavailable: 'Could not read the integrity hashes (dist/cdn/sri.json): run npm run build first.',
    },
  }[lang];

  var sri = fetch(new URL('sri.json', CDN).href, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  });

  /** The classic script for these tags: one widget's own file if there is one, else the all-in-one. */
  function scriptFile(tags, hashes) {
    var widgets = tags.filter(function (t, i) { return t !== 'rd-provider' && tags.indexOf(t) === i; });
    var own = widgets.length === 1 ? 'components/' + widgets[0] + '.iife.js' : '';
    return own && hashes[own] ? own : 'rd-widgets.iife.js';
  }

  function scriptTag(file, hashes) {
    return '<script src="' + new URL(file, CDN).href + '" defer integrity="' + hashes[file] + '" crossorigin="anonymous"></script>';
  }

  /** The snippet: the script tag(s), then the markup. `files`: explicit scripts (the index page). */
  function snippet(markup, hashes, files) {
    var list = files && files.length ? files : [scriptFile((markup.match(/<rd-[a-z-]+/g) || []).map(function (m) { return m.slice(1); }), hashes)];
    var tags = list.map(function (f) {
      if (!hashes[f]) throw new Error('no hash for ' + f);
      return /\.iife\.js$/.test(f) ? scriptTag(f, hashes) : '<script type="module" src="' + new URL(f, CDN).href + '" integrity="' + hashes[f] + '" crossorigin="anonymous"></script>';
    });
    return tags.join('\n') + (markup ? '\n\n' + markup : '') + '\n';
  }

  function attach(container, markup, files) {
    var box = document.createElement('div');
    box.className = 'copy-code';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = TEXT.copy;
    // The visible text first (WCAG 2.5.3), then which example: one page has many of these buttons.
    var heading = container.querySelector('h2, h3');
    if (heading) button.setAttribute('aria-label', TEXT.copy + (lang === 'zh' ? '：' : ': ') + heading.textContent.replace(/\s+/g, ' ').trim());
    button.disabled = true;
    var status = document.createElement('p');
    status.className = 'copy-code__status';
    status.setAttribute('role', 'status');
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.textContent = TEXT.show;
    var pre = document.createElement('pre');
    var code = document.createElement('code');
    pre.appendChild(code);
    details.appendChild(summary);
    details.appendChild(pre);
    box.appendChild(button);
    box.appendChild(status);
    box.appendChild(details);
    var how = container.querySelector(':scope > .how');
    if (how) how.after(box);
    else container.appendChild(box);

    sri.then(function (hashes) {
      code.textContent = snippet(markup, hashes, files);
      button.disabled = false;
    }, function () {
      status.textContent = TEXT.unavailable;
    });

    button.addEventListener('click', function () {
      var text = code.textContent;
      var done = function () { status.textContent = TEXT.copied; };
      var manual = function () {
        details.open = true;
        var range = document.createRange();
        range.selectNodeContents(code);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        status.textContent = TEXT.manual;
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, manual);
      else manual();
    });
    return box;
  }

  /** Top-level rd-* elements of a section, as authored (before any upgrade). */
  function markupOf(section) {
    var out = [];
    section.querySelectorAll('*').forEach(function (el) {
      if (!/^rd-/i.test(el.localName)) return;
      for (var p = el.parentElement; p && p !== section; p = p.parentElement) if (/^rd-/i.test(p.localName)) return;
      out.push(el.outerHTML.replace(/^\s+|\s+$/g, ''));
    });
    return out.join('\n');
  }

  window.rdDemoCopyCode = { attach: attach };
  document.querySelectorAll('section.demo, [data-copy-code]').forEach(function (section) {
    var files = (section.getAttribute('data-copy-code') || '').split(/\s+/).filter(Boolean);
    var markup = section.hasAttribute('data-copy-code') ? '' : markupOf(section);
    if (markup || files.length) attach(section, markup, files);
  });
})();

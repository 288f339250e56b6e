// Samverkansboten web chat (inlined into the page by page.ts; no build step, no CDN).
// Every string from the user or the bot enters the page through textContent / text nodes and
// never through innerHTML, so chat text can never become markup.
(function () {
  'use strict';

  var STORAGE_KEY = 'samverkansboten.conversationId';
  // ?forbund=<id>: the förbund the page's conversation belongs to, sent with each question.
  var FORBUND = new window.URLSearchParams(window.location.search).get('forbund');
  var log = document.getElementById('log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('message');
  var sendButton = document.getElementById('send');
  var status = document.getElementById('status');
  var newConversation = document.getElementById('new-conversation');
  var busy = false;
  var typing = null;
  // The greeting as the page brought it, to show again when a new conversation starts.
  var greetingNode = log.querySelector('.greeting');
  var greeting = greetingNode ? greetingNode.cloneNode(true) : null;

  // How much of a reply shows at once; the rest is behind "Visa mer" (as renderHtml.ts does).
  var VISIBLE_LINES = 6;
  var VISIBLE_FACTS = 5;

  // sessionStorage can be unavailable (privacy settings); the chat then lasts as long as the page.
  var memoryId = null;
  function loadId() {
    try { return window.sessionStorage.getItem(STORAGE_KEY); } catch { return memoryId; }
  }
  function saveId(id) {
    memoryId = id;
    try { window.sessionStorage.setItem(STORAGE_KEY, id); } catch { /* memoryId holds it */ }
  }
  function clearId() {
    memoryId = null;
    try { window.sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The user's own message scrolls to the end; a reply scrolls its first line to the top, so
  // a long answer is read from its headline, not from its list of sources.
  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }
  function scrollToTop(node) {
    // .log is positioned, so offsetTop is measured from the log's own top.
    log.scrollTop = node.offsetTop - 8;
    var rect = node.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight - 48) window.scrollBy(0, rect.top - 8);
  }

  // Screen readers hear who speaks; sighted users see it from the bubble's side and colour.
  function speaker(name) {
    return el('span', 'who', name + ': ');
  }

  // Blank lines separate paragraphs, single newlines are line breaks — the same as renderHtml.ts.
  function appendText(parent, text) {
    text.split(/\n{2,}/).forEach(function (block) {
      var p = el('p');
      block.split('\n').forEach(function (line, i) {
        if (i > 0) p.appendChild(document.createElement('br'));
        p.appendChild(document.createTextNode(line));
      });
      parent.appendChild(p);
    });
  }

  // Same wording as EXEMPELDATA_MARKER in src/core/renderText.ts and sourcesSummary() in renderHtml.ts (a test checks).
  var EXEMPELDATA_MARKER = '[Exempeldata – siffrorna är påhittade och visar bara hur svaret ser ut.]';
  function sourcesSummary(documents) {
    return documents === 1 ? 'Källa' : 'Källor (' + documents + ')';
  }

  // The text's first lines and what waits behind "Visa mer" — the rule of splitLines() in replyParts.ts.
  function splitLines(text) {
    var lines = text.trim().split('\n');
    var count = 0;
    var cut = lines.length;
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].trim() !== '') count++;
      if (count > VISIBLE_LINES) { cut = i; break; }
    }
    var more = lines.slice(cut).join('\n').trim();
    if (more.split('\n').filter(function (l) { return l.trim() !== ''; }).length <= 1) return { shown: text.trim(), more: '' };
    return { shown: lines.slice(0, cut).join('\n'), more: more };
  }

  function factList(facts) {
    var list = el('ul', 'facts');
    facts.forEach(function (fact) {
      var li = el('li');
      li.appendChild(el('span', 'fact-label', fact.label + ':'));
      li.appendChild(document.createTextNode(' ' + fact.value));
      list.appendChild(li);
    });
    return list;
  }

  function details(className, summary) {
    var node = el('details', className);
    node.appendChild(el('summary', null, summary));
    return node;
  }

  // A pressed choice, and every choice of earlier replies, is done: its question was answered.
  function retireChoices(chosen) {
    log.querySelectorAll('.choices:not(.examples) button').forEach(function (button) {
      button.disabled = true;
      if (button === chosen) button.classList.add('chosen');
    });
  }

  function choiceButton(label, value, className) {
    var button = el('button', className, label);
    button.type = 'button';
    button.addEventListener('click', function () {
      if (busy || button.disabled) return;
      if (className === 'choice') retireChoices(button);
      send(value);
    });
    return button;
  }

  function addUserMessage(text) {
    var box = el('div', 'msg user');
    box.appendChild(speaker('Du'));
    appendText(box, text);
    log.appendChild(box);
    scrollToEnd();
  }

  function addReply(reply, groups) {
    var box = el('div', 'msg bot');
    box.appendChild(speaker('Samverkansboten'));
    if (reply.exempeldata) box.appendChild(el('p', 'exempeldata', EXEMPELDATA_MARKER));
    var parts = splitLines(String(reply.text || ''));
    appendText(box, parts.shown);
    var facts = reply.facts || [];
    var visible = facts.length > VISIBLE_FACTS + 1 ? VISIBLE_FACTS : facts.length;
    if (visible > 0) box.appendChild(factList(facts.slice(0, visible)));
    if (parts.more !== '' || visible < facts.length) {
      var more = details('more', 'Visa mer');
      if (parts.more !== '') appendText(more, parts.more);
      if (visible < facts.length) more.appendChild(factList(facts.slice(visible)));
      box.appendChild(more);
    }
    if (reply.choices && reply.choices.length) {
      var choices = el('div', 'choices');
      reply.choices.forEach(function (choice) {
        choices.appendChild(choiceButton(choice.label, choice.value || choice.label, 'choice'));
      });
      box.appendChild(choices);
    }
    if (groups && groups.length) {
      var sources = details('sources', sourcesSummary(groups.length));
      var list = el('ul');
      groups.forEach(function (group) {
        var li = el('li');
        li.appendChild(el('span', 'source-doc', group.label));
        var sections = el('ul');
        group.sections.forEach(function (section) { sections.appendChild(el('li', null, section)); });
        li.appendChild(sections);
        list.appendChild(li);
      });
      sources.appendChild(list);
      box.appendChild(sources);
    }
    log.appendChild(box);
    return box;
  }

  // Shown while the bot works on an answer; screen readers hear it through the log's live region.
  function showTyping(on) {
    if (on && !typing) {
      typing = el('div', 'msg bot typing');
      typing.appendChild(el('span', null, 'Samverkansboten skriver'));
      typing.appendChild(el('span', 'dots', '…'));
      log.appendChild(typing);
      scrollToEnd();
    } else if (!on && typing) {
      typing.remove();
      typing = null;
    }
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
    showTyping(value);
  }

  function postChat(text, conversationId) {
    var body = conversationId ? { conversationId: conversationId, text: text } : { text: text };
    if (FORBUND) body.forbund = FORBUND;
    return fetch('/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(
        function (json) { return { ok: res.ok, json: json }; },
        function () { return { ok: false, json: null }; }
      );
    });
  }

  function send(text) {
    text = text.trim();
    if (!text || busy) return;
    status.textContent = '';
    retireChoices(null);
    addUserMessage(text);
    setBusy(true);
    var id = loadId();
    postChat(text, id)
      .then(function (result) {
        // The server forgot our conversation (e.g. its state was reset): start a new one once.
        if (!result.ok && id && result.json && result.json.code === 'unknown_conversation') {
          clearId();
          return postChat(text, null);
        }
        return result;
      })
      .then(function (result) {
        if (result.ok && result.json) {
          saveId(result.json.conversationId);
          showTyping(false);
          var groups = result.json.sourceGroups || [];
          var first = null;
          result.json.replies.forEach(function (reply, i) {
            var box = addReply(reply, groups[i]);
            if (!first) first = box;
          });
          if (first) scrollToTop(first);
        } else {
          status.textContent = (result.json && result.json.error) || 'Något gick fel. Försök igen.';
        }
      })
      .catch(function () {
        status.textContent = 'Kunde inte nå Samverkansboten. Kontrollera anslutningen och försök igen.';
      })
      .then(function () {
        setBusy(false);
        // On a phone, focusing the input would open the keyboard over the answer.
        if (window.matchMedia('(min-width: 700px)').matches) input.focus({ preventScroll: true });
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
  });

  newConversation.addEventListener('click', function () {
    clearId();
    log.textContent = '';
    showGreeting();
    status.textContent = 'Nytt samtal startat.';
    input.focus();
  });

  // The greeting's example buttons (in the page's markup) send their question.
  function showGreeting() {
    if (!greeting) return;
    var node = greeting.cloneNode(true);
    log.appendChild(node);
    wireExamples(node);
  }
  function wireExamples(node) {
    node.querySelectorAll('button.example').forEach(function (button) {
      button.addEventListener('click', function () {
        if (!busy) send(button.getAttribute('data-value') || button.textContent);
      });
    });
  }
  if (greetingNode) wireExamples(greetingNode);

  input.focus();
})();

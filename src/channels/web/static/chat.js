// Samverkansboten web chat (inlined into the page by page.ts; no build step, no CDN).
// Every string from the user or the bot enters the page through textContent / text nodes and
// never through innerHTML, so chat text can never become markup.
(function () {
  'use strict';

  var STORAGE_KEY = 'samverkansboten.conversationId';
  var log = document.getElementById('log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('message');
  var sendButton = document.getElementById('send');
  var status = document.getElementById('status');
  var newConversation = document.getElementById('new-conversation');
  var busy = false;

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

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
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

  // Same wording as sourceLine() and EXEMPELDATA_MARKER in src/core/renderText.ts (a test checks).
  var EXEMPELDATA_MARKER = '[Exempeldata – siffrorna är påhittade och visar bara hur svaret ser ut.]';
  function sourceLine(source) {
    return 'Källa: ' + (source.title || source.doc) + ', ' + source.section;
  }

  function addUserMessage(text) {
    var box = el('div', 'msg user');
    box.appendChild(speaker('Du'));
    appendText(box, text);
    log.appendChild(box);
    scrollToEnd();
  }

  function addReply(reply) {
    var box = el('div', 'msg bot');
    box.appendChild(speaker('Samverkansboten'));
    if (reply.exempeldata) box.appendChild(el('p', 'exempeldata', EXEMPELDATA_MARKER));
    appendText(box, String(reply.text || ''));
    if (reply.facts && reply.facts.length) {
      var facts = el('ul', 'facts');
      reply.facts.forEach(function (fact) {
        var li = el('li');
        li.appendChild(el('span', 'fact-label', fact.label + ':'));
        li.appendChild(document.createTextNode(' ' + fact.value));
        facts.appendChild(li);
      });
      box.appendChild(facts);
    }
    if (reply.choices && reply.choices.length) {
      var choices = el('div', 'choices');
      reply.choices.forEach(function (choice) {
        var button = el('button', 'choice', choice.label);
        button.type = 'button';
        button.addEventListener('click', function () {
          send(choice.value || choice.label);
        });
        choices.appendChild(button);
      });
      box.appendChild(choices);
    }
    if (reply.sources && reply.sources.length) {
      var sources = el('ul', 'sources');
      reply.sources.forEach(function (source) {
        sources.appendChild(el('li', null, sourceLine(source)));
      });
      box.appendChild(sources);
    }
    log.appendChild(box);
    scrollToEnd();
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
  }

  function postChat(text, conversationId) {
    var body = conversationId ? { conversationId: conversationId, text: text } : { text: text };
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
    setBusy(true);
    status.textContent = '';
    addUserMessage(text);
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
          result.json.replies.forEach(addReply);
        } else {
          status.textContent = (result.json && result.json.error) || 'Något gick fel. Försök igen.';
        }
      })
      .catch(function () {
        status.textContent = 'Kunde inte nå Samverkansboten. Kontrollera anslutningen och försök igen.';
      })
      .then(function () {
        setBusy(false);
        input.focus();
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
    status.textContent = 'Nytt samtal startat.';
    input.focus();
  });

  input.focus();
})();

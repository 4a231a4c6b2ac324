// Forum drafts: what an author types is kept in this browser (localStorage) until the
// form is sent, so leaving the page loses nothing. A form opts in with
// data-forum-draft="<key>"; text the server put back (after an error) always wins.
const PREFIX = "ln-forum-draft:";
const FIELDS = "textarea, input[type=text]";

function storage() {
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(store, key) {
  try {
    return JSON.parse(store.getItem(PREFIX + key) || "null");
  } catch {
    return null;
  }
}

function initDraft(form, store) {
  const key = form.dataset.forumDraft;
  const fields = Array.from(form.querySelectorAll(FIELDS)).filter((f) => f.name);
  const notice = form.querySelector("[data-forum-draft-notice]");
  const saved = read(store, key);
  const serverHasText = fields.some((f) => f.value.trim() !== "");
  if (saved && !serverHasText) {
    let restored = false;
    for (const field of fields) {
      if (typeof saved[field.name] === "string" && saved[field.name] !== "") {
        field.value = saved[field.name];
        restored = true;
      }
    }
    if (restored && notice) notice.hidden = false;
  }
  let timer = null;
  let sent = false;
  const save = () => {
    if (sent) return;
    const values = {};
    for (const field of fields) values[field.name] = field.value;
    if (Object.values(values).every((v) => v.trim() === "")) {
      store.removeItem(PREFIX + key);
    } else {
      store.setItem(PREFIX + key, JSON.stringify(values));
    }
  };
  form.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 300);
  });
  window.addEventListener("pagehide", save);
  form.addEventListener("submit", (event) => {
    window.clearTimeout(timer);
    const action = event.submitter ? event.submitter.value : "post";
    // A preview comes back with the text; a post either succeeds or comes back
    // with the text too. Either way the server now holds it.
    if (action === "post") {
      store.removeItem(PREFIX + key);
      sent = true;
    } else {
      save();
      sent = true;
    }
  });
  const discard = form.querySelector("[data-forum-draft-discard]");
  if (discard) {
    discard.addEventListener("click", () => {
      store.removeItem(PREFIX + key);
      for (const field of fields) field.value = "";
      if (notice) notice.hidden = true;
      fields[0]?.focus();
    });
  }
}

const store = storage();
if (store) {
  for (const form of document.querySelectorAll("form[data-forum-draft]")) {
    initDraft(form, store);
  }
}

// After the case-safety check, take the author straight to what it found.
const warning = document.getElementById("case-safety");
if (warning) warning.focus();

// Before asking: as the author types a new thread's title, show guidance and threads
// they can already see that match it (search's /search/suggest/ fragment, same origin).
const beforeAsking = document.getElementById("before-asking");
const titleInput = document.querySelector("form[data-forum-draft] input[name=title]");
if (beforeAsking && titleInput) {
  const searchLink = document.getElementById("before-asking-search");
  let timer = null;
  let latest = "";
  const lookUp = async () => {
    const title = titleInput.value.trim();
    if (searchLink) {
      const url = new URL(searchLink.href, window.location.href);
      url.searchParams.set("q", title);
      searchLink.href = url.toString();
    }
    if (title.length < 3 || title === latest) return;
    latest = title;
    const url = `${beforeAsking.dataset.suggestUrl}?q=${encodeURIComponent(title)}`;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      if (response.ok && title === latest) beforeAsking.innerHTML = await response.text();
    } catch {
      // Suggestions are a help, never a blocker: the form works without them.
    }
  };
  titleInput.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 300);
  });
  if (titleInput.value.trim()) lookUp();
}

// Autocomplete of titles for the search boxes: the ARIA 1.2 combobox pattern with a
// listbox. Progressive enhancement: without JavaScript the boxes are plain search
// inputs and the form submits to /search/.
const DEBOUNCE_MS = 200;
let counter = 0;

function enhance(input) {
  const endpoint = input.dataset.lnAutocomplete || "/search/autocomplete/";
  const listId = `${input.id || `ln-ac-${++counter}`}-listbox`;
  const wrapper = document.createElement("div");
  wrapper.className = "ln-autocomplete__wrapper";
  input.parentNode.insertBefore(wrapper, input);
  wrapper.appendChild(input);

  const list = document.createElement("ul");
  list.id = listId;
  list.className = "ln-autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggested titles");
  list.hidden = true;
  wrapper.appendChild(list);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  wrapper.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("autocomplete", "off");

  let items = [];
  let active = -1;
  let timer = null;
  let lastQuery = "";
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
      option.classList.toggle("ln-autocomplete__option--active", i === index);
    });
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(results) {
    items = results;
    list.replaceChildren();
    results.forEach((result, i) => {
      const option = document.createElement("li");
      option.id = `${listId}-option-${i}`;
      option.className = "ln-autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      const title = document.createElement("span");
      title.textContent = result.title;
      const type = document.createElement("span");
      type.className = "ln-autocomplete__type";
      type.textContent = ` ${result.type}`;
      option.append(title, type);
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(result.url);
      });
      list.appendChild(option);
    });
    if (results.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = `${results.length} suggestion${results.length === 1 ? "" : "s"} available. Use the up and down arrows to choose one.`;
    } else {
      close();
      status.textContent = "";
    }
    active = -1;
  }

  async function fetchSuggestions(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const url = `${endpoint}?${new URLSearchParams({ q: query })}`;
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() === query) render(data.results || []);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    const query = input.value.trim();
    clearTimeout(timer);
    if (query.length < 2) {
      render([]);
      lastQuery = query;
      return;
    }
    if (query === lastQuery) return;
    lastQuery = query;
    timer = setTimeout(() => fetchSuggestions(query), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && items.length > 0;
    if (event.key === "ArrowDown") {
      if (!open) return;
      event.preventDefault();
      setActive(active + 1 >= items.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (open && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      }
    }
  });

  input.addEventListener("blur", () => setTimeout(close, 150));
}

document
  .querySelectorAll("input[data-ln-autocomplete], #site-search")
  .forEach((input) => {
    if (!input.dataset.lnAutocompleteReady) {
      input.dataset.lnAutocompleteReady = "true";
      enhance(input);
    }
  });

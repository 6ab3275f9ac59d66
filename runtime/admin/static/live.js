// Live refresh for read-only pages and confirmations for destructive forms. Loaded as a file, so the
// Content-Security-Policy can forbid every inline script.
(() => {
  "use strict";
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  const main = document.querySelector("main[data-refresh]");
  if (!main) return;
  const every = Math.max(1000, Number(main.dataset.refresh) || 3000);
  const toggle = document.querySelector("[data-live-toggle]");
  let paused = sessionStorage.getItem("celerity-live-paused") === "1";
  const label = () => {
    if (toggle) toggle.textContent = paused ? "Resume live" : "Pause live";
  };
  if (toggle) {
    toggle.hidden = false;
    label();
    toggle.addEventListener("click", () => {
      paused = !paused;
      sessionStorage.setItem("celerity-live-paused", paused ? "1" : "0");
      label();
    });
  }

  const busy = () => {
    const active = document.activeElement;
    return (
      document.hidden || paused || (active && main.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName))
    );
  };

  const refresh = async () => {
    if (busy()) return;
    try {
      const response = await fetch(location.href, { credentials: "same-origin", headers: { "X-Celerity-Live": "1" } });
      if (response.status === 401) return stop();
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
      if (!next || busy()) return;
      // The one-time message of the last action stays until the user navigates away.
      const flash = main.querySelector(".flash");
      main.replaceChildren(...Array.from(next.childNodes, (n) => document.importNode(n, true)));
      if (flash && !main.querySelector(".flash")) main.prepend(flash);
    } catch {
      // Server restarting or network hiccup: the next tick tries again.
    }
  };
  const timer = setInterval(refresh, every);
  const stop = () => clearInterval(timer);
})();

// kb serve --watch: reloads the page when a rebuild has finished. The server adds this script to
// the pages it serves (never to the built files); data-build names the build the page came from,
// and the server's event stream names the newest build at once and after each rebuild. A page
// that missed a rebuild (it connected after it) reloads as soon as it connects.
(() => {
  const script = document.currentScript;
  const shown = script.dataset.build;
  const events = new EventSource(script.dataset.events);
  events.addEventListener("reload", (event) => {
    if (event.data !== shown) {
      events.close();
      location.reload();
    }
  });
})();

// The theme's sidebar buttons in the article header (☰ for the chapters, the list icon for
// this page's contents) did nothing: pydata-sphinx-theme and sphinx-book-theme both wire only
// the first .primary-toggle / .secondary-toggle of the page, the header's, which the book
// theme hides. So on a phone the chapters could not be opened at all. Each other toggle now
// passes its click on to the wired one (which opens the drawer on a narrow screen and hides or
// shows the sidebar on a wide one; closing the drawer gives the focus back to the button).
// The edition switch carries the reader's place (#section) to the other edition's page.
(function () {
  "use strict";

  function forward(selector) {
    const [wired, ...others] = document.querySelectorAll(selector);
    others.forEach((button) =>
      button.addEventListener("click", (event) => {
        event.preventDefault();
        button.focus();  // the drawer gives the focus back to what had it
        wired.click();
      }),
    );
  }

  // The switch to the other script's edition keeps the reader where they are on the page.
  function keepPlace() {
    document.querySelectorAll("a.cc-edition-switch").forEach((link) =>
      link.addEventListener("click", () => {
        link.href = link.href.split("#")[0] + window.location.hash;
      }),
    );
  }

  function init() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
    keepPlace();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

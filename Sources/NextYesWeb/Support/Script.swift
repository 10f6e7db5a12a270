/// The app's only script, served from its own address so the Content-Security-Policy can forbid
/// inline script. Pages work without it; it only adds conveniences.
enum Script {
    /// Everything served at /script.js.
    static let js = base + board + feedback

    static let base = """
    document.addEventListener("click", function (event) {
      var target = event.target.closest("[data-print]");
      if (target) { window.print(); }
      // The navigation's groups: a press opens one and closes the others; a press elsewhere closes them.
      var name = event.target.closest("button.group-name");
      document.querySelectorAll("header.site .group.open").forEach(function (group) {
        if (!name || group !== name.parentNode) { group.classList.remove("open"); group.firstElementChild.setAttribute("aria-expanded", "false"); }
      });
      if (name) {
        var open = name.parentNode.classList.toggle("open");
        name.setAttribute("aria-expanded", open ? "true" : "false");
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      document.querySelectorAll("header.site .group.open").forEach(function (group) {
        group.classList.remove("open");
        group.firstElementChild.setAttribute("aria-expanded", "false");
        group.firstElementChild.focus();
      });
    });
    // "Save to NextYes": the bookmark brings the posting in the address fragment; put it in the
    // form and read it. Reading saves nothing: the person confirms the filled-in form next.
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.getElementById("posting-form");
      if (!form || location.hash.indexOf("#posting=") !== 0) { return; }
      var data;
      try { data = JSON.parse(decodeURIComponent(location.hash.slice(9))); } catch (e) { return; }
      history.replaceState(null, "", location.pathname);
      if (!data || typeof data.s !== "string") { return; }
      form.elements["posting"].value = data.s;
      form.elements["url"].value = typeof data.u === "string" ? data.u : "";
      form.elements["title"].value = typeof data.t === "string" ? data.t : "";
      form.submit();
    });
    """
}

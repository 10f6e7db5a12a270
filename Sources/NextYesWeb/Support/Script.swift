/// The app's only script, served from its own address so the Content-Security-Policy can forbid
/// inline script. Pages work without it; it only adds conveniences.
enum Script {
    static let js = """
    document.addEventListener("click", function (event) {
      var target = event.target.closest("[data-print]");
      if (target) { window.print(); }
    });
    """
}

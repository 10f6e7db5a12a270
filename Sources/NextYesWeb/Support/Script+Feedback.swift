extension Script {
    /// The feedback e-mail: the name typed once signs the message as it is written, the mail
    /// link follows the edited text, and "Copy the message" puts it on the clipboard. Without the
    /// script the page still works: "Save my changes" does the same on the server.
    static let feedback = """
    document.addEventListener("DOMContentLoaded", function () {
      var body = document.querySelector("[data-feedback-body]");
      if (!body) { return; }
      var form = body.form;
      var subject = document.querySelector("[data-feedback-subject]");
      var name = document.querySelector("[data-feedback-name]");
      var link = document.querySelector("[data-feedback-mailto]");
      var copy = document.querySelector("[data-feedback-copy]");
      var status = document.querySelector("[data-feedback-status]");
      var placeholder = "[Your name]";
      var signed = "";
      var note = document.querySelector("[data-feedback-without-script]");
      if (note) { note.hidden = true; }

      // The name replaces the placeholder, and later edits to the name replace it again.
      function sign() {
        if (!name) { return; }
        var wanted = name.value.trim();
        var text = body.value;
        var current = signed || placeholder;
        var at = text.lastIndexOf(current);
        if (at < 0) { return; }
        var next = wanted || placeholder;
        body.value = text.slice(0, at) + next + text.slice(at + current.length);
        signed = wanted;
      }

      function encode(text) {
        return encodeURIComponent(text.replace(/\\r?\\n/g, "\\r\\n"));
      }

      function update() {
        if (!link) { return; }
        var to = link.getAttribute("data-feedback-mailto") || "";
        link.href = "mailto:" + encodeURIComponent(to).replace(/%40/g, "@") +
          "?subject=" + encode(subject ? subject.value : "") + "&body=" + encode(body.value);
      }

      function say(text) {
        if (status) { status.textContent = text; }
      }

      // A name typed here is remembered: saved in the background, the way "Save my changes" does.
      var saved = false;
      function rememberName() {
        if (!name || saved || !name.value.trim() || !window.fetch) { return; }
        saved = true;
        var data = new URLSearchParams(new FormData(form));
        data.set("intent", "save");
        fetch(form.action, { method: "POST", body: data, credentials: "same-origin" }).catch(function () { saved = false; });
      }

      if (name) { name.addEventListener("input", function () { sign(); update(); }); }
      body.addEventListener("input", update);
      if (subject) { subject.addEventListener("input", update); }
      if (link) { link.addEventListener("click", function () { update(); rememberName(); }); }

      if (copy && navigator.clipboard) {
        copy.hidden = false;
        copy.addEventListener("click", function () {
          navigator.clipboard.writeText(body.value).then(function () {
            say("Copied. Paste it into your e-mail.");
            rememberName();
          }, function () {
            body.focus();
            body.select();
            say("Couldn't copy here: the message is selected, so Ctrl+C (or Cmd+C) copies it.");
          });
        });
      }
      update();
    });
    """
}

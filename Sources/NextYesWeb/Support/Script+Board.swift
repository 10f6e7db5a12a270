extension Script {
    /// The board: drag a card to another stage column. The drop presses the card's own "Move"
    /// button for that stage, so the move is the same form post that works without JavaScript.
    static let board = """
    (function () {
      var dragged = null;
      function clear() {
        document.querySelectorAll(".drop-here").forEach(function (c) { c.classList.remove("drop-here"); });
      }
      function column(event) { return event.target.closest ? event.target.closest("[data-board] [data-stage]") : null; }
      document.addEventListener("dragstart", function (event) {
        var card = event.target.closest ? event.target.closest("[data-move-card]") : null;
        if (!card) { return; }
        dragged = card;
        card.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.getAttribute("data-move-card"));
      });
      document.addEventListener("dragend", function () {
        if (dragged) { dragged.classList.remove("dragging"); }
        dragged = null;
        clear();
      });
      document.addEventListener("dragover", function (event) {
        var target = column(event);
        if (!target || !dragged) { return; }
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (!target.classList.contains("drop-here")) { clear(); target.classList.add("drop-here"); }
      });
      document.addEventListener("drop", function (event) {
        var target = column(event);
        if (!target || !dragged) { return; }
        event.preventDefault();
        clear();
        var form = dragged.querySelector("form[data-move]");
        var button = form && form.querySelector('button[name="stage"][value="' + target.getAttribute("data-stage") + '"]');
        if (!button) { return; }
        target.querySelector("ul").appendChild(dragged);
        dragged.classList.remove("dragging");
        if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
      });
    })();

    """
}

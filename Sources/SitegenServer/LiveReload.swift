import Foundation

/// The live-reload client: a script the server adds to every HTML response (never to a file
/// in the output folder), and the virtual paths it uses.
///
/// The script opens an `EventSource` on `/__sitegen/events` and listens for three events,
/// each with JSON data `{"build", "changed", "errors"}`:
/// - `hello` on connect: the current build; if it differs from the build the page was
///   served from, the page reloads (it missed a rebuild). Errors show the overlay.
/// - `reload` after a successful rebuild: hides the overlay and reloads the page when its
///   own file or any non-page file (a stylesheet, an image) changed.
/// - `failed` after a failed rebuild: shows the overlay with the build's error lines, set
///   with `textContent`, so they are never read as HTML. The last good site stays served.
enum LiveReload {
    /// Where the script is served from.
    static let scriptPath = "/__sitegen/reload.js"
    /// The Server-Sent Events stream.
    static let eventsPath = "/__sitegen/events"

    /// Adds the script tag before the last `</body>` (or at the end), naming the build
    /// the page was served from.
    static func inject(into html: Data, build: String) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" data-sitegen-build=\"\(build)\"></script>\n".utf8)
        let bytes = [UInt8](html)
        let needle = Array("</body>".utf8)
        var index = bytes.count - needle.count
        while index >= 0 {
            if zip(bytes[index..<index + needle.count], needle).allSatisfy({ lowercase($0) == $1 }) {
                var result = Data(bytes[..<index])
                result.append(tag)
                result.append(contentsOf: bytes[index...])
                return result
            }
            index -= 1
        }
        return html + tag
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }

    /// The client script.
    static let script = """
        (function () {
          "use strict";
          var me = document.currentScript;
          var seen = me ? me.getAttribute("data-sitegen-build") : null;
          var overlay = null;

          function pageFile() {
            var path = decodeURIComponent(location.pathname);
            return path.endsWith("/") ? path + "index.html" : path;
          }
          function affects(changed) {
            var here = pageFile();
            return changed.some(function (path) {
              return path === here || !/\\.(html|md|xml|json|txt)$/.test(path);
            });
          }
          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
          }
          function show(errors) {
            hide();
            overlay = document.createElement("div");
            overlay.id = "sitegen-error-overlay";
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
              "background:rgba(24,24,27,.97);color:#fafafa;padding:2rem;font:14px/1.5 ui-monospace,monospace;";
            var title = document.createElement("h2");
            title.textContent = "sitegen: the build failed";
            title.style.cssText = "margin:0 0 .5rem;color:#f87171;font:bold 18px/1.3 system-ui,sans-serif;";
            var note = document.createElement("p");
            note.textContent = "The last good site is still being served. Fix the file and save; this page updates by itself.";
            note.style.cssText = "margin:0 0 1rem;font:14px/1.4 system-ui,sans-serif;color:#d4d4d8;";
            var lines = document.createElement("pre");
            lines.textContent = errors.join("\\n");
            lines.style.cssText = "white-space:pre-wrap;margin:0;";
            var close = document.createElement("button");
            close.textContent = "Close";
            close.style.cssText = "position:absolute;top:1rem;right:1rem;";
            close.addEventListener("click", hide);
            overlay.append(close, title, note, lines);
            document.body.appendChild(overlay);
          }

          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (event) {
            var data = JSON.parse(event.data);
            if (seen !== null && seen !== data.build) { location.reload(); return; }
            seen = data.build;
            if (data.errors.length) { show(data.errors); } else { hide(); }
          });
          source.addEventListener("reload", function (event) {
            var data = JSON.parse(event.data);
            seen = data.build;
            hide();
            if (affects(data.changed)) { location.reload(); }
          });
          source.addEventListener("failed", function (event) {
            var data = JSON.parse(event.data);
            seen = data.build;
            show(data.errors);
          });
        })();

        """
}

import Plot
import Vapor

enum ErrorPage {
    static func page(status: HTTPResponseStatus, title: String, message: String, chrome: PageChrome) -> Page {
        Page(html: Layout.page(title, chrome: chrome, [
            .h1(.txt(title)),
            .div(.class("card"), .p(.txt(message))),
            .if(chrome.signedIn, .p(.a(.link(.dashboard), .text("Back to the dashboard")))),
        ]), status: status)
    }
}

/// The page a browser sees without a login: how to get in, in plain words.
enum LoginHelp {
    enum Reason { case noSession, wrongToken, loggedOut }

    static func page(reason: Reason, host: String? = nil) -> Page {
        let chrome = PageChrome(csrf: "", flash: nil, section: .other, signedIn: false)
        let title: String
        let explanation: String
        switch reason {
        case .noSession:
            title = "Open NextYes with your login link"
            explanation = "NextYes keeps your applications, rejections and journal private, so it only lets in a browser that opened the link it printed when it started."
        case .wrongToken:
            title = "That login link didn't work"
            explanation = "It may be from an earlier start of NextYes (each start prints a new one), or it was cut short when copied."
        case .loggedOut:
            title = "You are logged out"
            explanation = "Your data stays where it was. Open the login link again whenever you want to come back."
        }
        return Page(html: Layout.page(title, chrome: chrome, [
            .h1(.txt(title)),
            .div(
                .class("card calm"),
                .p(.txt(explanation)),
                .p(.text("Look in the terminal where you ran "), .code(.text("nextyes serve")), .text(" for a line like:")),
                .pre(.code(.txt("http://\(host ?? "127.0.0.1:8080")/?token=…"))),
                .p(.text("Open that whole link, token included. If NextYes isn't running, start it with "), .code(.text("nextyes serve")), .text("."))
            ),
        ]), status: .unauthorized)
    }
}

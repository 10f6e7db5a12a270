import Foundation
import NextYesCore
import NextYesFeatures
import Plot

enum SettingsShow {
    struct Model {
        var chrome: PageChrome
        var processingWindowDays: String
        var ghostedAfterDays: String
        var followUpAfterDays: String
        var displayName: String
        var errors: ValidationErrors?
        var sampleCount: Int
        var location: String
        /// This server's own address as the browser reaches it ("http://127.0.0.1:8080").
        var origin: String = ""
        var tokens: [APIToken] = []
        /// A token just made: the only time its secret is shown.
        var newToken: (token: APIToken, secret: String)? = nil
    }

    /// A bookmark that opens "Add from a posting" with the page's address, title and selected
    /// text (or all of its text) in the address fragment: nothing is posted from the other site,
    /// and the person confirms on NextYes's own page.
    static func bookmarklet(origin: String) -> String {
        let target = origin + SiteURL.postingApplication.path() + "#posting="
        return "javascript:(function(){var s=String(window.getSelection()||'');if(s.length<40){s=document.body.innerText;}"
            + "var d={u:location.href,t:document.title,s:s.slice(0,60000)};"
            + "window.open('\(target)'+encodeURIComponent(JSON.stringify(d)),'_blank');})();"
    }

    static func view(_ model: Model) -> HTML {
        let e = model.errors
        return Layout.page("Settings", chrome: model.chrome, [
            .h1(.text("Settings")),
            Field.summary(e),
            PostForm.make(SiteURL.settings, csrf: model.chrome.csrf, className: "stacked",
                Field.text("processingWindowDays", "Days to feel it after a rejection", value: model.processingWindowDays, .init(
                    hint: "How long the dashboard keeps a gentle focus after a no, before suggesting next steps (0 to 14, usually 2).",
                    error: e?["processingWindowDays"], type: "number", extra: [("min", "0"), ("max", "14")])),
                Field.text("displayName", "Your name", value: model.displayName, .init(
                    hint: "Used to sign the e-mails NextYes drafts for you. It stays in your NextYes.", error: e?["displayName"])),
                Field.text("ghostedAfterDays", "Ask \"ghosted?\" after this many quiet days", value: model.ghostedAfterDays, .init(
                    hint: "1 to 365, usually 21.", error: e?["ghostedAfterDays"], type: "number", extra: [("min", "1"), ("max", "365")])),
                Field.text("followUpAfterDays", "Suggest a follow-up after this many quiet days", value: model.followUpAfterDays, .init(
                    hint: "The agenda reminds you to check in on an application after this long without news (1 to 60, usually 7).",
                    error: e?["followUpAfterDays"], type: "number", extra: [("min", "1"), ("max", "60")])),
                .div(.class("actions"), .button(.type(.submit), .text("Save settings")))
            ),
            .if(model.sampleCount > 0, .div(
                .class("card"),
                .h2(.text("Sample data")),
                .p(.txt("The sample search (\(model.sampleCount) applications) is still here. Remove it when you're ready to keep only your own; nothing you added yourself is touched.")),
                PostButton.make(.removeSample, label: "Remove the sample data", csrf: model.chrome.csrf)
            )),
            .unwrap(model.origin.isEmpty ? nil : model.origin) { origin in
                .div(.class("card"), .id("bookmarklet"),
                     .h2(.text("Save jobs from your browser")),
                     .p(.text("Drag this button to your browser's bookmarks bar. On a job posting, click it: NextYes opens with the posting read and the form filled in, and you confirm there. Select the job's text first if the page has a lot else on it. Nothing is sent anywhere but to your NextYes.")),
                     .p(Tag.element("a", [("class", "button secondary"), ("href", bookmarklet(origin: origin))], [.text("Save to NextYes")])))
            },
            apiTokens(model),
            .div(.class("card"),
                 .h2(.text("Your data")),
                 model.chrome.centre
                    ? .p(.text("Your career centre keeps your NextYes on its server, apart from everyone else's. A coach sees only what you share on the Sharing page."))
                    : .p(.text("Everything is stored in "), .code(.txt(model.location)), .text(". Nothing is sent anywhere.")),
                 .p(.a(.link(.importFile), .text("Import, export and back up")))),
        ])
    }

    /// Tokens for the JSON API: made here or with `nextyes api token create`, each shown once.
    static func apiTokens(_ model: Model) -> BodyNode {
        .section(
            .class("card"), .id("api-tokens"),
            .h2(.text("API tokens")),
            .p(.text("For your own scripts and assistant: each token opens the JSON API of this NextYes. "),
               .a(.href("/api/docs"), .text("What the API offers")), .text(".")),
            .unwrap(model.newToken) { made in
                .div(.class("flash"), .attr("role", "status"),
                     .p(.strong(.txt("Token \"\(made.token.name)\" made. Copy it now: it is shown only this once.")) ),
                     .p(.code(.class("feed-url"), .id("new-token"), .txt(made.secret))),
                     .p(.small(.txt("curl -H \"Authorization: Bearer \(made.secret)\" \(model.origin)/api/v1/applications"))))
            },
            .if(!model.tokens.isEmpty, .div(.class("table-wrap"), .table(
                .class("data stack"),
                .thead(.tr(.th(.text("Name")), .th(.text("May")), .th(.text("Last used")), .th(.text("")))),
                .tbody(.forEach(model.tokens) { token in
                    .tr(
                        .td(.attr("data-label", "Name"), .txt(token.name)),
                        .td(.attr("data-label", "May"), .txt(token.scopes.contains(.write) ? "read and write" : "read")),
                        .td(.attr("data-label", "Last used"), .txt(token.revokedAt.map { "revoked \(Day($0, in: .current).readable)" }
                            ?? token.lastUsedAt.map { Day($0, in: .current).readable } ?? "never")),
                        .td(.if(token.isActive, PostButton.make(.apiTokenRevoke(.value(token.id)), label: "Revoke", csrf: model.chrome.csrf, style: "quiet")))
                    )
                })
            ))),
            PostForm.make(.apiTokens, csrf: model.chrome.csrf, className: "inline",
                Field.text("tokenName", "Name", value: "", .init(hint: "What will use it, e.g. \"laptop script\".", required: true, extra: [("maxlength", "80")])),
                .div(.class("field"), Tag.element("label", [("class", "choice")], [
                    Tag.void("input", [("type", "checkbox"), ("name", "write"), ("value", "yes")]),
                    .span(.text("May also change things")),
                ])),
                .button(.class("secondary"), .type(.submit), .text("Make a token")))
        )
    }
}

import NextYesCore
import NextYesInsights
import Plot
import Vapor

/// The sections of the top navigation.
enum Section: CaseIterable {
    case dashboard, applications, agenda, contacts, progress, insights, skills, plan, practice, journal, wins, support, profile, settings, sharing, other

    var title: String {
        switch self {
        case .dashboard: "Dashboard"
        case .applications: "Applications"
        case .agenda: "Agenda"
        case .contacts: "Contacts"
        case .progress: "Progress"
        case .insights: "Insights"
        case .skills: "Skills"
        case .plan: "Plan"
        case .practice: "Practice"
        case .journal: "Journal"
        case .wins: "Wins"
        case .support: "Support"
        case .profile: "Profile"
        case .settings: "Settings"
        case .sharing: "Sharing"
        case .other: ""
        }
    }

    var url: SiteURL? {
        switch self {
        case .dashboard: .dashboard
        case .applications: .applications
        case .agenda: .agenda
        case .contacts: .contacts
        case .progress: .progress
        case .insights: .insights
        case .skills: .skills
        case .plan: .plan
        case .practice: .practice
        case .journal: .journal
        case .wins: .wins
        case .support: .support
        case .profile: .profile
        case .settings: .settings
        case .sharing, .other: nil
        }
    }

    /// Profile and settings sit apart from the main sections, under "You" beside "Log out".
    var isSecondary: Bool { self == .profile || self == .settings }
}

/// The groups of the navigation: one compact band on a desktop, one menu on a phone.
enum NavGroup: CaseIterable {
    case search, learn, grow, care

    var title: String {
        switch self {
        case .search: "Search"
        case .learn: "Learn"
        case .grow: "Grow"
        case .care: "Care"
        }
    }

    /// Each link of the group: its title, its address and the section it marks as current.
    var links: [(title: String, url: SiteURL, section: Section?)] {
        switch self {
        case .search: [("Dashboard", .dashboard, .dashboard), ("Applications", .applications, .applications),
                       ("Agenda", .agenda, .agenda), ("Contacts", .contacts, .contacts)]
        case .learn: [("Insights", .insights, .insights), ("Skills", .skills, .skills), ("Career report", .report, nil)]
        case .grow: [("Plan", .plan, .plan), ("Practice", .practice, .practice), ("Progress", .progress, .progress)]
        case .care: [("Journal", .journal, .journal), ("Wins", .wins, .wins), ("Support", .support, .support)]
        }
    }

    static func containing(_ section: Section) -> NavGroup? {
        allCases.first { group in group.links.contains { $0.section == section } }
    }
}

/// What every page shares: the CSRF token for forms, a one-time message, the current section.
struct PageChrome: Sendable {
    var csrf: String
    var flash: String?
    /// The message says what went wrong (and that nothing changed), not what was done.
    var flashIsProblem = false
    var section: Section
    var signedIn: Bool = true
    /// Shown before anything else when the person just wrote words of crisis.
    var support: SupportCard? = nil
    /// On a career centre's server: the "You" menu offers sharing with a coach.
    var centre = false
}

/// An HTML page with its status, ready to send.
struct Page: AsyncResponseEncodable {
    var html: HTML
    var status: HTTPResponseStatus = .ok

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html.render()))
    }
}

enum Layout {
    static func page(_ title: String, chrome: PageChrome, _ content: [BodyNode]) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · NextYes"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path())),
                .script(.src(SiteURL.script.path()), .attribute(named: "defer", value: nil))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text("Skip to content")),
                header(chrome),
                .main(
                    .id("main"),
                    .unwrap(chrome.support) { SupportCardView.card($0) },
                    .unwrap(chrome.flash) { message in
                        chrome.flashIsProblem
                            ? .div(.class("flash problem"), .attr("role", "alert"), .txt(message))
                            : .div(.class("flash"), .attr("role", "status"), .txt(message))
                    },
                    .group(content)
                ),
                .footer(
                    .class("site"),
                    .p(.text(chrome.centre
                        ? "NextYes at your career centre: each person's NextYes is theirs alone, and a coach sees only what a person chooses to share."
                        : "NextYes keeps everything on this machine. Nothing you write here is sent anywhere."))
                )
            )
        )
    }

    /// One band: the brand, the four groups (each opens on hover, focus or tap, and shows the page
    /// you are on), and "You" with profile, settings and logging out. Below 48rem the groups fold
    /// into one "Menu" (a checkbox and its label, so it works without JavaScript).
    private static func header(_ chrome: PageChrome) -> BodyNode {
        let current = NavGroup.containing(chrome.section)
        return .header(
            .class("site"),
            .div(
                .class("bar"),
                .a(.class("brand"), .link(.dashboard), .raw("Next<span>Yes</span>")),
                .if(chrome.signedIn, .group(
                    Tag.void("input", [("type", "checkbox"), ("id", "menu-toggle"), ("class", "menu-toggle"), ("aria-controls", "site-menu")]),
                    Tag.element("label", [("for", "menu-toggle"), ("class", "menu-button")], [.text("Menu")]),
                    .div(
                        .class("menu"), .id("site-menu"),
                        .nav(
                            .class("primary"), .attr("aria-label", "Main"),
                            .ul(.forEach(NavGroup.allCases) { group in
                                menu(group.title, id: "nav-\(group)", isCurrent: group == current,
                                     currentTitle: group.links.first { $0.section == chrome.section && group == current }?.title,
                                     links: group.links.map { link in
                                        .a(.link(link.url), .if(link.section == chrome.section, .attr("aria-current", "page")), .txt(link.title))
                                     })
                            })
                        ),
                        .nav(
                            .class("account"), .attr("aria-label", "You"),
                            .ul(menu("You", id: "nav-you", isCurrent: chrome.section.isSecondary,
                                     currentTitle: nil,
                                     links: Section.allCases.filter(\.isSecondary).map { section in
                                        .a(.link(section.url!), .if(section == chrome.section, .attr("aria-current", "page")), .txt(section.title))
                                     } + [
                                        .a(.link(.importFile), .text("Import and export")),
                                        .if(chrome.centre, .a(.href("/sharing"), .if(chrome.section == .sharing, .attr("aria-current", "page")), .text("Sharing with a coach"))),
                                        .if(chrome.centre, .a(.href("/account"), .text("Your account"))),
                                        PostForm.make(SiteURL.logout, csrf: chrome.csrf,
                                            .button(.class("quiet"), .type(.submit), .text("Log out"))),
                                     ]))
                        )
                    )
                ))
            )
        )
    }

    /// A group of the navigation: its name (with the page you are on) and its links.
    private static func menu(_ title: String, id: String, isCurrent: Bool, currentTitle: String?, links: [BodyNode]) -> Node<HTML.ListContext> {
        .li(
            .class(isCurrent ? "group current" : "group"),
            Tag.element("button", [("type", "button"), ("class", "group-name"), ("aria-expanded", "false"), ("aria-controls", id)], [
                .txt(title),
                .unwrap(currentTitle) { .span(.class("here"), .txt(": " + $0)) },
            ]),
            .ul(.id(id), .forEach(links) { .li($0) })
        )
    }
}

/// The support card: what was noticed, that the person matters, and where to reach someone now.
enum SupportCardView {
    static func card(_ card: SupportCard) -> BodyNode {
        .section(
            .class("card support-now"), .id("support-now"), .attr("role", "region"), .attr("aria-labelledby", "support-now-title"),
            .h2(.id("support-now-title"), .txt(card.title)),
            .p(.txt(card.message)),
            .ul(
                .class("helplines"),
                .unwrap(card.ownHelpline) { .li(.strong(.text("Your helpline: ")), .txt($0)) },
                .forEach(card.country.lines) { line in
                    .li(.strong(.txt(line.name)), .text(": "), .txt(line.contact), .text(". "), .span(.class("muted"), .txt(line.detail)))
                }
            ),
            .p(.strong(.text("If you are in immediate danger, call \(card.emergency).")))
            ,
            .p(.class("muted"), .txt(card.closing + " The Support page keeps these numbers."))
        )
    }
}

/// Form controls with a label, an optional hint and an inline error, wired up for screen readers.
enum Field {
    struct Options {
        var hint: String? = nil
        var error: String? = nil
        var required = false
        var type = "text"
        var extra: Tag.Attributes = []
        /// The form field's name when it differs from the element's id (several forms on a page).
        var name: String? = nil
    }

    static func text(_ name: String, _ label: String, value: String, _ options: Options = Options()) -> BodyNode {
        var attributes: Tag.Attributes = [("type", options.type), ("id", name), ("name", options.name ?? name), ("value", value)]
        attributes += describedBy(name, options)
        if options.required { attributes.append(("required", nil)) }
        attributes += options.extra
        return wrap(name, label, options, Tag.void("input", attributes))
    }

    static func textarea(_ name: String, _ label: String, value: String, _ options: Options = Options()) -> BodyNode {
        var attributes: Tag.Attributes = [("id", name), ("name", options.name ?? name)]
        attributes += describedBy(name, options)
        attributes += options.extra
        return wrap(name, label, options, Tag.element("textarea", attributes, [.txt(value)]))
    }

    static func select(
        _ name: String, _ label: String, choices: [(value: String, title: String)], selected: String, _ options: Options = Options()
    ) -> BodyNode {
        var attributes: Tag.Attributes = [("id", name), ("name", options.name ?? name)]
        attributes += describedBy(name, options)
        attributes += options.extra
        let optionNodes: [BodyNode] = choices.map { choice in
            var optionAttributes: Tag.Attributes = [("value", choice.value)]
            if choice.value == selected { optionAttributes.append(("selected", nil)) }
            return Tag.element("option", optionAttributes, [.txt(choice.title)])
        }
        return wrap(name, label, options, Tag.element("select", attributes, optionNodes))
    }

    static func hidden(_ name: String, _ value: String) -> BodyNode {
        Tag.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// The CSRF token, and a one-time token for this copy of the form, so sending the same form
    /// twice (a double click, a replay) shows the first result instead of doing it again.
    static func csrf(_ token: String) -> BodyNode {
        .group(hidden(CSRF.fieldName, token), hidden(OnceMiddleware.fieldName, WebContext.makeToken()))
    }

    private static func describedBy(_ name: String, _ options: Options) -> Tag.Attributes {
        var ids: [String] = []
        if options.hint != nil { ids.append("\(name)-hint") }
        if options.error != nil { ids.append("\(name)-error") }
        var attributes: Tag.Attributes = []
        if !ids.isEmpty { attributes.append(("aria-describedby", ids.joined(separator: " "))) }
        if options.error != nil { attributes.append(("aria-invalid", "true")) }
        return attributes
    }

    private static func wrap(_ name: String, _ label: String, _ options: Options, _ control: BodyNode) -> BodyNode {
        .div(
            .class(options.error == nil ? "field" : "field invalid"),
            Tag.element("label", [("for", name)], [.txt(label)]),
            .unwrap(options.hint) { Tag.element("span", [("class", "hint"), ("id", "\(name)-hint")], [.txt($0)]) },
            control,
            .unwrap(options.error) { Tag.element("span", [("class", "error"), ("id", "\(name)-error")], [.txt($0)]) }
        )
    }

    /// The list of every problem at the top of a form, so nothing is missed on a long page.
    static func summary(_ errors: ValidationErrors?) -> BodyNode {
        guard let errors, !errors.isEmpty else { return .empty }
        return .div(
            .class("errors-summary"), .attr("role", "alert"),
            .strong(.text("Please check these and try again. Nothing has been saved yet.")),
            .ul(.forEach(errors.errors) { error in .li(.a(.attr("href", "#" + error.field), .txt(error.message))) })
        )
    }
}

/// A form that posts to one of the app's routes, with the CSRF token already in it.
enum PostForm {
    static func make(_ action: SiteURL, csrf: String, className: String? = nil, _ children: BodyNode...) -> BodyNode {
        var attributes: Tag.Attributes = [("method", "post"), ("action", action.path())]
        if let className { attributes.append(("class", className)) }
        return Tag.element("form", attributes, [Field.csrf(csrf)] + children)
    }
}

/// A POST button in its own small form.
enum PostButton {
    static func make(_ url: SiteURL, label: String, csrf: String, style: String = "secondary", hidden: [(String, String)] = []) -> BodyNode {
        PostForm.make(url, csrf: csrf,
            .forEach(hidden) { Field.hidden($0.0, $0.1) },
            .button(.class(style), .type(.submit), .txt(label))
        )
    }
}

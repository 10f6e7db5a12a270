import Fluent
import NextYesCore
import NextYesFeatures
import Vapor

/// Sets up the web app on a Vapor application: database, schema, sessions, access rules, routes.
public func configure(_ app: Vapor.Application, context: WebContext) async throws {
    app.nextyes = context
    try context.location.prepareFile()
    app.databases.use(try context.location.configuration(), as: .main)
    app.migrations.add(Workspace.migrations)
    let perLoop = app.eventLoopGroup.makeIterator().map { app.databases.database(.main, logger: app.logger, on: $0)! }
    try await Workspace.tune(perLoop, for: context.location, pageCacheMiB: 64)
    // A career centre's schema changes only with `nextyes migrate` (under its lock), so any number
    // of servers can start at once; a personal NextYes brings its database up to date itself.
    do {
        app.nextyes.isCentre = try await Centre.isCentre(app.db)
    } catch {
        throw StoreConnection.openingFailed(context.location, error)
    }
    if !app.nextyes.isCentre, context.location.isPostgres, !context.personalOnPostgres, try await Centre.isEmpty(app.db) {
        // An empty PostgreSQL database is almost always meant for a centre: starting a personal
        // NextYes in it would make `nextyes migrate` refuse it later.
        throw CentreError.migrateFirst
    }
    if !app.nextyes.isCentre { try await app.autoMigrate() }
    // A centre on SQLite keeps each seeker's NextYes in a file of its own, closed with the app.
    if app.nextyes.isCentre, !context.location.isPostgres { app.lifecycle.use(SeekerFilesCloser(location: context.location)) }

    app.sessions.use { _ in DatabaseSessions() }
    if app.nextyes.isCentre {
        try await Centre(db: app.db, clock: context.clock).signIns.removeExpired()
    } else {
        try await Workspace(db: app.db, clock: context.clock).signIns.removeExpired()
    }
    // A centre served over https (NEXTYES_SITE_URL) sends its session cookie over https only.
    let secure = app.nextyes.isCentre && (context.environment["NEXTYES_SITE_URL"]?.lowercased().hasPrefix("https://") ?? false)
    app.sessions.configuration = SessionsConfiguration(cookieName: "nextyes_session") { id in
        HTTPCookies.Value(string: id.string, isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    // No request logging: addresses can carry the login token, and journal pages are private.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(ErrorPageMiddleware())
    if app.nextyes.isCentre {
        app.middleware.use(CentreAccessMiddleware())
    } else {
        app.middleware.use(AccessMiddleware())
    }
    app.middleware.use(CareMiddleware())
    app.middleware.use(OnceMiddleware())
    app.routes.defaultMaxBodySize = "2mb"
    try routes(app)
}

struct SeekerFilesCloser: LifecycleHandler {
    let location: DatabaseLocation
    func shutdownAsync(_ application: Vapor.Application) async { await Centre.closeFiles(of: location) }
}

/// Days on every page read in the order the browser's own date fields use (from its language).
struct DayStyleMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await Day.$style.withValue(Day.Style(acceptLanguage: request.headers.first(name: .acceptLanguage))) {
            try await next.respond(to: request)
        }
    }
}

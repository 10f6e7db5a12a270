import Crypto
import CryptoExtras
import FluentKit
import Foundation
import NIOPosix
import NextYesCore
import NextYesInsights
import NextYesStore

public typealias CentreError = NextYesStore.CentreError

/// A career centre's NextYes: accounts, sign-in, sharing with coaches, and each person's own
/// workspace. Every action on a centre is implemented here once, for the web app and the command
/// line alike.
public struct Centre: Sendable {
    let db: any Database
    public let clock: Clock
    public let environment: [String: String]

    public init(db: any Database, clock: Clock = .system, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.db = db
        self.clock = clock
        self.environment = environment
    }

    var repository: AccountRepository { AccountRepository(db: db, clock: clock) }

    /// Whether the database is a centre's (PostgreSQL, migrated with `nextyes migrate`).
    public static func isCentre(_ db: any Database) async throws -> Bool {
        try await CentreSchema.isCentre(db)
    }

    /// Whether a PostgreSQL database holds nothing of NextYes yet (neither a centre nor a
    /// personal NextYes).
    public static func isEmpty(_ db: any Database) async throws -> Bool {
        try await CentreSchema.isEmpty(db)
    }

    /// Creates or updates the centre's tables and every person's schema, under a lock.
    @discardableResult
    public static func migrate(_ db: any Database) async throws -> Int {
        try await CentreSchema.migrate(db)
    }

    /// Closes the seekers' own files of a centre on SQLite (each has its own connections).
    public static func closeFiles(of location: DatabaseLocation) async {
        await CentreSchema.closeFiles(of: location)
    }

    /// Runs `body` with the person's own workspace, in one transaction that can reach only their
    /// data. Only seekers have one.
    public func asPerson<T: Sendable>(_ account: Account, readOnly: Bool = false,
                                      _ body: @escaping @Sendable (Workspace) async throws -> T) async throws -> T {
        guard account.role == .seeker else { throw CentreError.noSuchAccount(account.email) }
        let clock = self.clock, environment = self.environment
        return try await CentreSchema.asPerson(account.id, on: db) { tx in
            var workspace = Workspace(db: tx, clock: clock, environment: environment, readOnly: readOnly)
            workspace.accountID = account.id
            return try await body(workspace)
        }
    }

    /// The signed-in browser sessions, kept in the centre's own table for every app server.
    public var signIns: SignIns { Workspace(db: db, clock: clock, environment: environment).signIns }

    // MARK: Accounts

    public static let linkLifetime: TimeInterval = 7 * 24 * 3600

    /// Adds an account. Without a password, the result carries a one-time sign-in link token
    /// (valid for a week) to give the person.
    public func addAccount(email rawEmail: String, name rawName: String, role: AccountRole,
                           password: String?) async throws -> (account: Account, linkToken: String?) {
        let email = try Self.email(rawEmail)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ValidationErrors([FieldError("name", "Give the person's name, as coaches will see it.")]) }
        guard name.count <= 120 else { throw ValidationErrors([FieldError("name", "Keep the name under 120 characters.")]) }
        var hash: String?
        if let password {
            hash = try await PasswordHash.make(password)
        }
        let account = try await repository.create(email: email, name: name, role: role, passwordHash: hash)
        if hash != nil { return (account, nil) }
        return (account, try await makeLink(for: account, purpose: "invite"))
    }

    public func accounts() async throws -> [Account] { try await repository.all() }

    /// The centre's coaches who can be shared with (enabled), by name: what a seeker picks from.
    /// Only coaches are listed; who else has an account here stays unsaid.
    public func coaches() async throws -> [Account] { try await repository.enabledCoaches() }

    /// A role as typed or chosen ("coach", "Coach"); anything else says which roles there are.
    public static func role(_ raw: String) throws -> AccountRole {
        guard let role = AccountRole(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else { throw CentreError.badRole(raw) }
        return role
    }

    public func account(email: String) async throws -> Account {
        let email = try Self.email(email)
        guard let account = try await repository.find(email: email) else { throw CentreError.noSuchAccount(email) }
        return account
    }

    public func account(id: String) async throws -> Account? { try await repository.find(id: id) }

    /// Disables or enables an account. `by` is the admin doing it on the web, who can't disable
    /// their own account (someone must still be able to sign in and undo it).
    public func setDisabled(email: String, _ disabled: Bool, by admin: Account? = nil) async throws -> Account {
        if let admin { try requireAdmin(admin) }
        let account = try await account(email: email)
        if disabled, let admin, admin.id == account.id {
            throw ValidationErrors([FieldError("email", "You can't disable your own account. Another admin can, or the command line: nextyes accounts disable.")])
        }
        try await repository.setDisabled(accountID: account.id, disabled)
        return try await self.account(email: email)
    }

    /// Renames an account or changes its role (admins only; nil `admin` is the server's own
    /// command line). A new role signs the person out and ends the sharing they took part in;
    /// a seeker's NextYes is kept when they stop being one, unseen, and is theirs again if they
    /// become a seeker again. An admin can't change their own role.
    public func updateAccount(email: String, name rawName: String?, role: AccountRole?, by admin: Account? = nil) async throws -> Account {
        if let admin { try requireAdmin(admin) }
        let account = try await account(email: email)
        let name = rawName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? account.name
        guard !name.isEmpty else { throw ValidationErrors([FieldError("name", "Give the person's name, as coaches will see it.")]) }
        guard name.count <= 120 else { throw ValidationErrors([FieldError("name", "Keep the name under 120 characters.")]) }
        let role = role ?? account.role
        if let admin, admin.id == account.id, role != account.role {
            throw ValidationErrors([FieldError("role", "You can't change your own role. Another admin can, or the command line: nextyes accounts edit.")])
        }
        try await repository.update(account: account, name: name, role: role)
        return try await self.account(email: email)
    }

    /// Deletes an account for good, and for a seeker their whole NextYes with it. `by` is the
    /// admin doing it on the web, who can't delete their own account.
    @discardableResult
    public func deleteAccount(email: String, by admin: Account? = nil) async throws -> Account {
        if let admin { try requireAdmin(admin) }
        let account = try await account(email: email)
        if let admin, admin.id == account.id {
            throw ValidationErrors([FieldError("email", "You can't delete your own account here. Another admin can, or the command line: nextyes accounts delete.")])
        }
        try await remove(account)
        return account
    }

    /// A seeker or coach deleting their own account: only with their password, which counts
    /// towards the address's lock when wrong, like a sign-in.
    public func deleteOwnAccount(_ account: Account, password: String) async throws {
        guard account.role != .admin else {
            throw ValidationErrors([FieldError("password", "An admin's account is deleted by another admin, or with nextyes accounts delete.")])
        }
        try await requirePassword(password, of: account, field: "password", wrong: "That isn't your password. Nothing was deleted.")
        try await remove(account)
    }

    /// A signed-in person's own password, asked again before a change: a wrong one counts towards
    /// the address's lock like a wrong sign-in, and a locked address is refused at once.
    func requirePassword(_ password: String, of account: Account, field: String, wrong message: String) async throws {
        let key = Self.failureKey(account.email)
        if try await repository.lockedUntil(key: key) != nil { throw CentreError.tooManyTries }
        guard let stored = try await repository.passwordHash(email: account.email)?.hash,
              try await PasswordHash.verify(password, against: stored) else {
            try await repository.recordFailure(key: key, limit: Self.failuresPerAddress, window: Self.failureWindow, lock: Self.lockDuration)
            throw ValidationErrors([FieldError(field, message)])
        }
    }

    /// The account first, so no one is signed in to it, then the seeker's own data.
    func remove(_ account: Account) async throws {
        try await repository.delete(account: account)
        if account.role == .seeker { try await CentreSchema.dropPerson(accountID: account.id, on: db) }
    }

    /// The rules for a new password, checked before anything is used up or saved: at least 10
    /// characters, not only spaces, under 1,024 bytes.
    public static func checkPassword(_ password: String) throws {
        guard password.count >= 10, !password.allSatisfy(\.isWhitespace) else { throw CentreError.weakPassword }
        guard password.utf8.count <= 1024 else {
            throw ValidationErrors([FieldError("password", "Keep the password under 1,024 characters.")])
        }
    }

    /// Sets a password with a one-time link: the password is checked first, so a refused one
    /// leaves the link working.
    public func setPassword(withLink token: String, to password: String) async throws -> Account {
        try Self.checkPassword(password)
        let account = try await useLink(token)
        try await setPassword(account, to: password)
        return account
    }

    /// Only an admin who can sign in runs the centre's accounts on the web.
    public func requireAdmin(_ account: Account) throws {
        guard account.role == .admin, !account.disabled else { throw CentreError.noSuchAccount(account.email) }
    }

    /// Changes a signed-in person's password: the current one must be right, and a wrong one
    /// counts towards the address's lock like a wrong sign-in. Every other browser session of
    /// theirs ends (the one whose id hashes to `keeping` stays signed in).
    public func changePassword(_ account: Account, current: String, new: String, keeping sessionIDHash: String? = nil) async throws {
        try await requirePassword(current, of: account, field: "current", wrong: "That isn't your current password. Nothing was changed.")
        guard new != current else {
            throw ValidationErrors([FieldError("password", "The new password is the same as the current one. Choose another.")])
        }
        try await setPassword(account, to: new)
        try await repository.endSessions(accountID: account.id, keeping: sessionIDHash)
    }

    /// A new one-time sign-in link token for the account (any earlier one stops working).
    public func resetLink(email: String) async throws -> String {
        let account = try await account(email: email)
        guard !account.disabled else { throw CentreError.accountDisabled(account.email) }
        return try await makeLink(for: account, purpose: "reset")
    }

    func makeLink(for account: Account, purpose: String) async throws -> String {
        let token = "nyl_" + Centre.hex((0..<24).map { _ in UInt8.random(in: 0...255) })
        try await repository.addLink(hash: Self.digest(token), accountID: account.id, purpose: purpose,
                                     expiresAt: clock.now().addingTimeInterval(Self.linkLifetime))
        return token
    }

    /// The account a one-time link opens; the link is used up.
    public func useLink(_ token: String) async throws -> Account {
        guard token.hasPrefix("nyl_"), let account = try await repository.useLink(hash: Self.digest(token)), !account.disabled else {
            throw CentreError.linkNotValid
        }
        return account
    }

    public func setPassword(_ account: Account, to password: String) async throws {
        try await repository.setPassword(accountID: account.id, hash: try await PasswordHash.make(password))
        // A new password from a link ends any lock the old one earned.
        try await repository.clearFailures(key: Self.failureKey(account.email))
    }

    /// Whether a one-time link can still be used (it is not used up by asking).
    public func linkIsValid(_ token: String) async throws -> Bool {
        guard token.hasPrefix("nyl_") else { return false }
        return try await repository.linkIsValid(hash: Self.digest(token))
    }

    /// Opting in counts the person's figures at once, so the cohort page has them ready.
    public func setStatisticsOptIn(_ account: Account, _ optIn: Bool) async throws {
        try await repository.setStatisticsOptIn(accountID: account.id, optIn)
        if optIn, account.role == .seeker, !account.disabled { try await countCohortFacts(account) }
    }

    // MARK: Signing in

    public enum SignInResult: Sendable, Equatable {
        case signedIn(Account)
        case wrong
        /// The right password for an account an admin disabled.
        case disabled
        /// Too many wrong tries for this address or from this client: try again after this time.
        case locked(until: Date)
    }

    /// Wrong tries allowed per address in `failureWindow`, before the address is locked. The lock
    /// is per address, not per client: a centre's people often share one network address (a
    /// campus, a proxy), and one person's mistakes or an attack must not lock out everyone else.
    public static let failuresPerAddress = 5
    public static let failureWindow: TimeInterval = 15 * 60
    public static let lockDuration: TimeInterval = 15 * 60

    /// Checks an address and password. A locked address is answered at once, without computing
    /// a hash, so a flood of wrong passwords costs the server almost nothing.
    public func signIn(email rawEmail: String, password: String) async throws -> SignInResult {
        let email = (try? Self.email(rawEmail)) ?? rawEmail.lowercased()
        let key = Self.failureKey(email)
        if let until = try await repository.lockedUntil(key: key) { return .locked(until: until) }
        let found = try await repository.passwordHash(email: email)
        // An unknown address costs the same hash as a known one, so timing doesn't tell them apart.
        let ok = try await PasswordHash.verify(password, against: found?.hash ?? PasswordHash.decoy)
        if ok, let account = found?.account, found?.hash != nil {
            if account.disabled { return .disabled }
            try await repository.clearFailures(key: key)
            return .signedIn(account)
        }
        try await repository.recordFailure(key: key, limit: Self.failuresPerAddress, window: Self.failureWindow, lock: Self.lockDuration)
        return .wrong
    }

    static func failureKey(_ email: String) -> String { "address:" + email }

    /// The accounts locked now after too many wrong passwords, by address, with the time each
    /// may try again (admins only; nil `admin` is the server's own command line).
    public func lockedAddresses(by admin: Account? = nil) async throws -> [String: Date] {
        if let admin { try requireAdmin(admin) }
        return try await repository.lockedAddresses()
    }

    /// Ends an account's lock after wrong passwords, so they can sign in at once (admins only;
    /// nil `admin` is the server's own command line). False when it wasn't locked.
    @discardableResult
    public func unlock(email: String, by admin: Account? = nil) async throws -> Bool {
        if let admin { try requireAdmin(admin) }
        let account = try await account(email: email)
        let key = Self.failureKey(account.email)
        let wasLocked = try await repository.lockedUntil(key: key) != nil
        try await repository.clearFailures(key: key)
        return wasLocked
    }

    // MARK: Sharing

    /// Shares the chosen scopes with a coach (replacing what was shared with them before).
    public func share(_ seeker: Account, withCoach coachEmail: String, scopes: [SharingScope]) async throws -> SharingGrant {
        guard seeker.role == .seeker else { throw CentreError.noSuchAccount(seeker.email) }
        // No account and not a coach get the same answer, so sharing can't be used to find out
        // who has an account here.
        guard let coach = try? await account(email: coachEmail), coach.role == .coach, !coach.disabled else {
            throw CentreError.notCoach(coachEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        }
        guard !scopes.isEmpty else {
            throw ValidationErrors([FieldError("scope", "Choose at least one thing to share: applications, insights, report, plan or practice.")])
        }
        try await repository.grant(seekerID: seeker.id, coachID: coach.id, scopes: Array(Set(scopes)).sorted())
        return try await grants(of: seeker).first { $0.coach.id == coach.id }!
    }

    /// Stops sharing with a coach; false when nothing was shared with them.
    public func stopSharing(_ seeker: Account, withCoach coachEmail: String) async throws -> Bool {
        let coach = try await account(email: coachEmail)
        return try await repository.revoke(seekerID: seeker.id, coachID: coach.id)
    }

    public func grants(of seeker: Account) async throws -> [SharingGrant] {
        try await repository.grants(seekerID: seeker.id)
    }

    /// The people who share with a coach, and what.
    public func caseload(of coach: Account) async throws -> [SharingGrant] {
        try await repository.grants(coachID: coach.id).filter { !$0.seeker.disabled }
    }

    /// The coach's caseload with a few lines about each person, from what they shared only.
    /// Reading it counts as looking, so each person sees it in their log (once an hour at most,
    /// however often the coach comes back to the page).
    public func caseloadSummary(of coach: Account) async throws -> [CaseloadEntry] {
        var entries: [CaseloadEntry] = []
        for grant in try await caseload(of: coach) {
            let scopes = grant.scopes.filter { $0 == .applications || $0 == .insights }
            guard !scopes.isEmpty else {
                entries.append(CaseloadEntry(grant: grant, week: nil, lastActivity: nil, recentNos: [], themes: []))
                continue
            }
            let lines = try await asPerson(grant.seeker, readOnly: true) { try await $0.caseloadLines(scopes: scopes) }
            for scope in scopes {
                try await repository.logView(seekerID: grant.seeker.id, coachID: coach.id, scope: scope, action: .caseload, unlessWithin: 3600)
            }
            entries.append(CaseloadEntry(grant: grant, week: lines.week, lastActivity: lines.last, recentNos: lines.nos, themes: lines.themes))
        }
        return entries
    }

    /// A coach opening something a seeker shared: allowed only with a grant for that scope, and
    /// logged for the seeker to see. Anything else answers "no such person", never a hint.
    public func asCoach<T: Sendable>(_ coach: Account, viewing seekerID: String, scope: SharingScope, writes: Bool = false,
                                     _ body: @escaping @Sendable (Workspace) async throws -> T) async throws -> (seeker: Account, value: T) {
        guard coach.role == .coach, !coach.disabled,
              let grant = try await repository.grants(coachID: coach.id).first(where: { $0.seeker.id == seekerID }),
              grant.scopes.contains(scope), !grant.seeker.disabled else {
            throw CentreError.noSuchAccount("that person")
        }
        let value = try await asPerson(grant.seeker, readOnly: !writes, body)
        try await repository.logView(seekerID: seekerID, coachID: coach.id, scope: scope, action: writes ? .note : .looked)
        return (grant.seeker, value)
    }

    /// Every time a coach looked at what the seeker shared, newest first.
    public func views(of seeker: Account) async throws -> [CoachView] {
        try await repository.views(seekerID: seeker.id)
    }

    // MARK: The cohort

    /// The centre's anonymous figures across the seekers who opted in: each person's counts come
    /// from the same figures their own pages show; rows resting on fewer than five people are
    /// withheld. Admins only.
    public func cohort(for admin: Account) async throws -> CohortReport {
        guard admin.role == .admin, !admin.disabled else { throw CentreError.noSuchAccount(admin.email) }
        return CohortReport.of(try await cohortFacts().facts)
    }

    /// Each opted-in person's counts, brought up to date: the counts are kept with the version of
    /// the person's data they came from (`centre.cohort_facts`), and counted again only for the
    /// people whose data has changed since. Returns how many were counted again with the facts.
    @discardableResult
    public func refreshCohort() async throws -> Int {
        try await cohortFacts().recounted
    }

    /// Everyone's facts, and how many people were counted again for them.
    func cohortFacts() async throws -> (facts: [PersonFacts], recounted: Int) {
        let people = try await repository.all().filter { $0.role == .seeker && $0.statisticsOptIn && !$0.disabled }
        // One statement reads everyone's data version; only the people whose data moved since
        // their counts were kept are counted again, a few at a time, each in their own transaction.
        let versions = try await CentreSchema.dataVersions(accountIDs: people.map(\.id), on: db)
        let kept = try await repository.cohortFacts()
        let decoder = JSONDecoder()
        var facts: [PersonFacts] = []
        facts.reserveCapacity(people.count)
        var stale: [Account] = []
        for person in people {
            if let previous = kept[person.id], previous.version == versions[person.id],
               let fact = try? decoder.decode(PersonFacts.self, from: Data(previous.facts.utf8)) {
                facts.append(fact)
            } else {
                stale.append(person)
            }
        }
        try await withThrowingTaskGroup(of: PersonFacts.self) { group in
            var next = stale.makeIterator()
            func add() -> Bool {
                guard let person = next.next() else { return false }
                group.addTask { try await countCohortFacts(person) }
                return true
            }
            for _ in 0..<4 where add() {}
            while let fact = try await group.next() {
                facts.append(fact)
                _ = add()
            }
        }
        return (facts, stale.count)
    }

    /// Counts one person's facts from the figures their own pages show, and keeps them with the
    /// version of the data they came from.
    @discardableResult
    func countCohortFacts(_ person: Account) async throws -> PersonFacts {
        let (version, fact) = try await asPerson(person, readOnly: true) { workspace in
            let fact = PersonFacts.of(try await workspace.insights.report(), demand: try await workspace.skills.demand(),
                                      profile: try await workspace.skills.skills())
            // Reading new postings saves their skills, which moves the version: take it after.
            return (try await workspace.dataVersion(), fact)
        }
        try await repository.keepCohortFacts(seekerID: person.id, version: version,
                                             facts: String(decoding: try JSONEncoder().encode(fact), as: UTF8.self))
        return fact
    }

    // MARK: Helpers

    static func email(_ raw: String) throws -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: \.isWhitespace), email.count <= 254 else {
            throw CentreError.badEmail(raw)
        }
        return email
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func digest(_ token: String) -> String {
        Centre.hex(SHA256.hash(data: Data(token.utf8)))
    }
}

/// Passwords are kept as scrypt hashes (N = 2^15, r = 8, p = 1: about 32 MiB and a tenth of a
/// second each), with a random salt, computed off the event loops.
enum PasswordHash {
    static let cost = 15, blockSize = 8, parallelism = 1

    static func make(_ password: String) async throws -> String {
        try Centre.checkPassword(password)
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let key = try await derive(password, salt: salt, cost: cost)
        return "scrypt$\(cost)$\(blockSize)$\(parallelism)$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    static func verify(_ password: String, against stored: String) async throws -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let cost = Int(parts[1]), (10...20).contains(cost),
              let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
              password.utf8.count <= 1024 else { return false }
        let key = try await derive(password, salt: Array(salt), cost: cost)
        guard key.count == expected.count else { return false }
        return zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A well-formed hash of nothing anyone knows, checked against for unknown addresses.
    static let decoy = "scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    static func derive(_ password: String, salt: [UInt8], cost: Int) async throws -> Data {
        try await NIOThreadPool.singleton.runIfActive {
            let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32,
                                               rounds: 1 << cost, blockSize: blockSize, parallelism: parallelism,
                                               maxMemory: 64 << 20)
            return key.withUnsafeBytes { Data($0) }
        }
    }
}

import FluentKit
import Foundation
import NextYesCore

/// People in the search, and which applications they are part of.
public struct ContactRepository: Sendable {
    let db: any Database
    /// A page view's memo: whole-table reads shared by the figures on one page.
    var memo: ReadMemo? = nil
    let clock: Clock

    public func create(_ details: ContactDetails) async throws -> Contact {
        let row = ContactModel()
        Self.apply(details, to: row)
        row.createdAt = Store.storable(clock.now())
        try await row.create(on: db)
        return try Self.contact(row)
    }

    public func find(_ id: Int) async throws -> Contact {
        guard let row = try await ContactModel.find(id, on: db) else { throw ContactError.notFound(id) }
        return try Self.contact(row)
    }

    public func all() async throws -> [Contact] {
        try await memo.remembered(.contacts, on: db) { try await readAll() }
    }

    private func readAll() async throws -> [Contact] {
        try await ContactModel.query(on: db).sort(\.$name).sort(\.$id).all().map(Self.contact)
    }

    public func update(_ id: Int, details: ContactDetails) async throws -> Contact {
        guard let row = try await ContactModel.find(id, on: db) else { throw ContactError.notFound(id) }
        Self.apply(details, to: row)
        try await row.update(on: db)
        return try Self.contact(row)
    }

    public func delete(_ id: Int) async throws {
        guard let row = try await ContactModel.find(id, on: db) else { throw ContactError.notFound(id) }
        try await row.delete(on: db)
    }

    /// Links a contact to an application (once).
    public func link(_ contactID: Int, to applicationID: Int) async throws {
        _ = try await find(contactID)
        let existing = try await ApplicationContactModel.query(on: db)
            .filter(\.$applicationID == applicationID).filter(\.$contactID == contactID).first()
        guard existing == nil else { return }
        let row = ApplicationContactModel()
        row.applicationID = applicationID
        row.contactID = contactID
        try await row.create(on: db)
    }

    public func unlink(_ contactID: Int, from applicationID: Int) async throws {
        try await ApplicationContactModel.query(on: db)
            .filter(\.$applicationID == applicationID).filter(\.$contactID == contactID).delete()
    }

    /// The contacts linked to an application, by name.
    public func contacts(for applicationID: Int) async throws -> [Contact] {
        let ids = try await ApplicationContactModel.query(on: db).filter(\.$applicationID == applicationID).all().map(\.contactID)
        guard !ids.isEmpty else { return [] }
        return try await ContactModel.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all().map(Self.contact)
    }

    /// The applications a contact is linked to.
    public func applicationIDs(for contactID: Int) async throws -> [Int] {
        try await ApplicationContactModel.query(on: db).filter(\.$contactID == contactID).all().map(\.applicationID).sorted()
    }

    /// Every application–contact link.
    public func links() async throws -> [(applicationID: Int, contactID: Int)] {
        try await memo.remembered(.contactLinks, on: db) { try await readLinks() }
    }

    private func readLinks() async throws -> [(applicationID: Int, contactID: Int)] {
        try await ApplicationContactModel.query(on: db).sort(\.$id).all().map { ($0.applicationID, $0.contactID) }
    }

    static func apply(_ details: ContactDetails, to row: ContactModel) {
        row.name = details.name
        row.role = details.role?.rawValue
        row.company = details.company
        row.email = details.email
        row.profileURL = details.profileURL
        row.notes = details.notes
    }

    static func contact(_ row: ContactModel) throws -> Contact {
        let id = row.id ?? 0
        var role: ContactRole?
        if let raw = row.role {
            guard let parsed = ContactRole(rawValue: raw) else {
                throw StoreError.corruptRow(table: ContactModel.schema, id: String(id), detail: "role is \"\(raw)\"")
            }
            role = parsed
        }
        return Contact(
            id: id,
            details: ContactDetails(name: row.name, role: role, company: row.company, email: row.email, profileURL: row.profileURL, notes: row.notes),
            createdAt: row.createdAt)
    }
}

public enum ContactError: Error, Hashable, Sendable, LocalizedError {
    case notFound(Int)

    public var errorDescription: String? {
        switch self {
        case .notFound(let id): "There is no contact with id \(id). `nextyes contacts` lists them."
        }
    }
}

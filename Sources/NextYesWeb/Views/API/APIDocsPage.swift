import Foundation
import NextYesAPI
import Plot

/// /api/docs: the API document as a readable page, drawn by the server from the same
/// openapi.json it serves (no script, nothing fetched from elsewhere).
enum APIDocsPage {
    typealias JSON = [String: Any]

    static func view(signedIn: Bool, origin: String, centre: Bool = false) -> HTML {
        let document = (try? JSONSerialization.jsonObject(with: NextYesAPI.document)) as? JSON ?? [:]
        let info = document["info"] as? JSON ?? [:]
        let paths = document["paths"] as? JSON ?? [:]
        let schemas = (document["components"] as? JSON)?["schemas"] as? JSON ?? [:]
        let sharedParameters = (document["components"] as? JSON)?["parameters"] as? JSON ?? [:]
        /// A parameter written once under components and referred to.
        func resolved(_ parameter: JSON) -> JSON {
            guard let ref = parameter["$ref"] as? String, let name = ref.split(separator: "/").last else { return parameter }
            return sharedParameters[String(name)] as? JSON ?? parameter
        }
        let methods = ["get", "post", "patch", "put", "delete"]
        var operations: [(tag: String, method: String, path: String, operation: JSON, shared: [JSON])] = []
        for path in paths.keys.sorted() {
            let item = paths[path] as? JSON ?? [:]
            let shared = (item["parameters"] as? [JSON] ?? []).map(resolved)
            for method in methods {
                guard var operation = item[method] as? JSON else { continue }
                operation["parameters"] = (operation["parameters"] as? [JSON] ?? []).map(resolved)
                operations.append(((operation["tags"] as? [String])?.first ?? "Other", method, path, operation, shared))
            }
        }
        let tags = ((document["tags"] as? [JSON]) ?? []).compactMap { $0["name"] as? String }
        let chrome = PageChrome(csrf: "", flash: nil, section: .other, signedIn: false, centre: centre)
        return Layout.page("API", chrome: chrome, [
            .h1(.txt((info["title"] as? String ?? "NextYes API") + " " + (info["version"] as? String ?? ""))),
            .p(.class("lead"), .txt(info["summary"] as? String ?? "")),
            .div(.class("card"), .div(.class("prose"), withCode(info["description"] as? String ?? ""))),
            .div(.class("card calm"),
                 .h2(.text("Try it")),
                 .p(.text(centre ? "Make a token on your Settings page (or ask your centre), then call the API:" : "Make a token, then call the API from the same machine:")),
                 .pre(.code(.txt((centre ? "nextyes api token create --account you@example.org --name \"laptop script\"" : "nextyes api token create --name \"laptop script\"") + "\ncurl -H \"Authorization: Bearer TOKEN\" \(origin)/api/v1/applications"))),
                 .p(.a(.href("/api/v1/openapi.json"), .text("The document as JSON (OpenAPI 3.1)")),
                    .if(signedIn, .group(.text(" · "), .a(.href("/settings#api-tokens"), .text("Your tokens")))))),
            .nav(.attr("aria-label", "Operations"), .ul(.class("chips"), .forEach(operations) { op in
                .li(.a(.class("chip"), .href("#" + (op.operation["operationId"] as? String ?? "")), .txt(op.method.uppercased() + " " + op.path)))
            })),
            .forEach(tags + Array(Set(operations.map(\.tag)).subtracting(tags)).sorted()) { tag in
                .section(
                    .h2(.txt(tag)),
                    .forEach(operations.filter { $0.tag == tag }) { op in operation(op.method, op.path, op.operation, shared: op.shared, schemas: schemas) }
                )
            },
            .section(
                .h2(.text("Objects")),
                .forEach(schemas.keys.sorted()) { name in schema(name, schemas[name] as? JSON ?? [:]) }
            ),
        ])
    }

    private static func operation(_ method: String, _ path: String, _ op: JSON, shared: [JSON], schemas: JSON) -> BodyNode {
        let parameters = shared + (op["parameters"] as? [JSON] ?? [])
        let body = ((op["requestBody"] as? JSON)?["content"] as? JSON)?["application/json"] as? JSON
        let responses = op["responses"] as? JSON ?? [:]
        return .div(
            .class("card api-op"), .id(op["operationId"] as? String ?? ""),
            .h3(.code(.txt(method.uppercased() + " /api/v1" + path))),
            .p(withCode(op["summary"] as? String ?? "")),
            .if(!parameters.isEmpty, .div(.class("table-wrap"), .table(
                .class("data"),
                .caption(.text("Parameters")),
                .thead(.tr(.th(.text("Name")), .th(.text("In")), .th(.text("Type")), .th(.text("About")))),
                .tbody(.forEach(parameters) { p in
                    .tr(.td(.code(.txt(p["name"] as? String ?? "")), .if(p["required"] as? Bool == true, .small(.text(" required")))),
                        .td(.txt(p["in"] as? String ?? "")), .td(.txt(type(p["schema"] as? JSON ?? [:]))), .td(.txt(p["description"] as? String ?? "")))
                })
            ))),
            .unwrap(body) { body in .p(.strong(.text("Body: ")), .txt(type(body["schema"] as? JSON ?? [:]))) },
            .ul(.forEach(responses.keys.sorted()) { status in
                .li(.code(.txt(status)), .text(" "), .txt(description(responses[status] as? JSON ?? [:])))
            })
        )
    }

    private static func schema(_ name: String, _ schema: JSON) -> BodyNode {
        let properties = schema["properties"] as? JSON ?? [:]
        let required = Set(schema["required"] as? [String] ?? [])
        return .div(
            .class("card"), .id("schema-" + name),
            .h3(.code(.txt(name))),
            .unwrap(schema["description"] as? String) { .p(.txt($0)) },
            .if(properties.isEmpty, .p(.class("muted"), .txt(type(schema))),
                else: .div(.class("table-wrap"), .table(
                    .class("data"),
                    .thead(.tr(.th(.text("Field")), .th(.text("Type")), .th(.text("About")))),
                    .tbody(.forEach(properties.keys.sorted()) { key in
                        let property = properties[key] as? JSON ?? [:]
                        return .tr(.td(.code(.txt(key)), .if(required.contains(key), .small(.text(" required")))),
                                   .td(.txt(type(property))), .td(.txt(property["description"] as? String ?? "")))
                    })
                )))
        )
    }

    /// Text with `code` spans, as the document writes them.
    static func withCode(_ text: String) -> BodyNode {
        .group(text.components(separatedBy: "`").enumerated().map { index, part in
            index.isMultiple(of: 2) ? .txt(part) : .code(.txt(part))
        })
    }

    /// A schema in a few words: "Application", "array of Event", "string (date)", "one of: a, b".
    static func type(_ schema: JSON) -> String {
        if let ref = schema["$ref"] as? String { return String(ref.split(separator: "/").last ?? "") }
        if let values = schema["enum"] as? [Any] {
            return "one of: " + values.filter { !($0 is NSNull) }.map { "\($0)" }.joined(separator: ", ")
        }
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? ["any"]
        let kind = types.filter { $0 != "null" }.joined(separator: " or ")
        if kind == "array" { return "array of " + type(schema["items"] as? JSON ?? [:]) }
        if let format = schema["format"] as? String { return "\(kind) (\(format))" }
        return kind
    }

    private static func description(_ response: JSON) -> String {
        if let ref = response["$ref"] as? String {
            switch ref.split(separator: "/").last ?? "" {
            case "Problem": return "A problem (application/problem+json) that says what to fix."
            case "Unauthorized": return "No valid token."
            case "Forbidden": return "The token may only read."
            case "NotFound": return "No such application."
            case "TooMany": return "Too many calls this minute (see Retry-After)."
            default: return String(ref.split(separator: "/").last ?? "")
            }
        }
        return response["description"] as? String ?? ""
    }
}

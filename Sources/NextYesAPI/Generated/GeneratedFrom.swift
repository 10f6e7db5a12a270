// Generated from openapi.yaml by scripts/generate-api; do not edit.
enum GeneratedFrom {
    static let documentSHA256 = "acad2880fb4fb3aa204448263cbe55c81fc7d6668d4cf028a810967d1a644567"
}

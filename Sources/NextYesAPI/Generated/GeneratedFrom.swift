// Generated from openapi.yaml by scripts/generate-api; do not edit.
enum GeneratedFrom {
    static let documentSHA256 = "43c87f385541d2cd7845c6a7795dc19f11a120c7896a7557ab429d32305e59e3"
}

// Generated from openapi.yaml by scripts/generate-api; do not edit.
enum GeneratedFrom {
    static let documentSHA256 = "9742d9bdfe02a65b003416d62e0837c2ee1e0be4d21ba830cd10fa828a33a322"
}

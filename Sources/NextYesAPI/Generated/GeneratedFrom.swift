// Generated from openapi.yaml by scripts/generate-api; do not edit.
enum GeneratedFrom {
    static let documentSHA256 = "0d5ae00fc4ef3f9edad4017695a0b47b6bb6176419bfea2d52a7b45bdc21e86d"
}

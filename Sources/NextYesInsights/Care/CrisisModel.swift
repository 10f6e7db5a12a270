import Foundation

/// The learned part of the crisis reader: a logistic model over hashed word and character
/// n-grams, trained by `swift run nextyes-train` from `data/crisis` (see docs/models/crisis.md),
/// shipped as `Resources/crisis.model` with a checksum that is verified when it loads.
public enum CrisisModel {
    public static let bucketBits = 18
    public static let resourceName = "crisis"

    /// Loaded once; nil only if the resource is missing or damaged, and then the rules still work.
    public static let bundled = LogisticModel.bundled(resourceName)
}

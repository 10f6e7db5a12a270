import NextYesCore

extension ApplicationJSON.RejectionJSON {
    /// A rejection on its own, as it reads inside an application.
    public init(_ r: Rejection) {
        self.init(on: r.on, stageReached: r.stageReached, reason: r.reason, category: r.category,
                  controllable: r.controllable, controllableOverridden: r.controllableOverridden,
                  feelings: r.feelings, intensity: r.intensity, processingEndsOn: r.processingEndsOn)
    }
}

extension ApplicationJSON.EventJSON {
    /// A timeline event on its own, as it reads inside an application.
    public init(_ e: ApplicationEvent) {
        self.init(kind: e.kind, on: e.on, stage: e.stage, fromStage: e.fromStage, note: e.note, recordedAt: e.recordedAt)
    }
}

import Foundation

/// The rules for moving an application along and closing it. Each returns the timeline event to record.
extension Application {
    /// Moves an open application to another stage on a given day.
    public mutating func move(to newStage: Stage, on day: Day, today: Day, at moment: Date) throws -> ApplicationEvent {
        guard isOpen else { throw CoreError.applicationClosed(id: id, outcome: outcome) }
        guard newStage != stage else { throw CoreError.alreadyAtStage(newStage) }
        try checkEventDay(day, today: today)
        let from = stage
        stage = newStage
        furthestStage = max(furthestStage, newStage)
        if newStage >= .applied, details.appliedOn == nil {
            details.appliedOn = day
        }
        touch(day, at: moment)
        return ApplicationEvent(applicationID: id, kind: .moved, on: day, stage: newStage, fromStage: from, recordedAt: moment)
    }

    /// Records a rejection. The stage reached defaults to the current stage; naming a later one also
    /// moves the application there first, so the furthest stage stays true.
    public mutating func reject(
        _ input: RejectionDetails, preferences: Preferences, today: Day, at moment: Date
    ) throws -> (Rejection, ApplicationEvent) {
        guard isOpen else { throw CoreError.applicationClosed(id: id, outcome: outcome) }
        try checkEventDay(input.on, today: today)
        let reached = input.stageReached ?? stage
        stage = reached
        furthestStage = max(furthestStage, reached)
        outcome = .rejected
        touch(input.on, at: moment)
        let rejection = Rejection(
            applicationID: id, on: input.on, stageReached: reached, reason: input.reason,
            category: input.category, controllable: input.controllable ?? input.category.controllability,
            feelings: input.feelings, intensity: input.intensity,
            processingEndsOn: input.on.adding(days: preferences.processingWindowDays))
        let event = ApplicationEvent(applicationID: id, kind: .rejected, on: input.on, stage: reached, note: input.reason, recordedAt: moment)
        return (rejection, event)
    }

    /// Closes an open application as ghosted, withdrawn, or with an accepted or declined offer.
    public mutating func close(as kind: EventKind, on day: Day, today: Day, at moment: Date) throws -> ApplicationEvent {
        precondition([.ghosted, .withdrawn, .offerAccepted, .offerDeclined].contains(kind), "close(as:) takes a closing event")
        guard isOpen else { throw CoreError.applicationClosed(id: id, outcome: outcome) }
        if kind == .ghosted, stage < .applied { throw CoreError.notSentYet(id: id) }
        try checkEventDay(day, today: today)
        if kind == .offerAccepted || kind == .offerDeclined {
            // An offer answered is an offer reached, even if the move to "offer" was never logged.
            stage = .offer
            furthestStage = .offer
        }
        outcome = kind.outcome!
        touch(day, at: moment)
        return ApplicationEvent(applicationID: id, kind: kind, on: day, stage: stage, recordedAt: moment)
    }

    /// Opens a closed application again at the stage it had reached. An accepted offer stays accepted.
    public mutating func reopen(on day: Day, today: Day, at moment: Date) throws -> ApplicationEvent {
        guard outcome != .open else { throw CoreError.alreadyOpen(id: id) }
        guard outcome != .offerAccepted else { throw CoreError.cannotReopen(outcome) }
        try checkEventDay(day, today: today)
        outcome = .open
        touch(day, at: moment)
        return ApplicationEvent(applicationID: id, kind: .reopened, on: day, stage: stage, recordedAt: moment)
    }

    /// Replaces the editable details, keeping progress as it is.
    public mutating func update(_ newDetails: ApplicationDetails, at moment: Date) {
        details = newDetails
        updatedAt = moment
    }

    /// Events go forward in time: not in the future, not before the application was sent, and
    /// not before the latest change already on the timeline.
    private func checkEventDay(_ day: Day, today: Day) throws {
        if day > today { throw CoreError.dateInFuture(day, today: today) }
        if let applied = details.appliedOn, day < applied {
            throw CoreError.dateBeforeApplied(day, applied: applied)
        }
        if day < lastActivityOn {
            throw CoreError.dateBefore(day, earliest: lastActivityOn, event: "the last change on its timeline")
        }
    }

    private mutating func touch(_ day: Day, at moment: Date) {
        lastActivityOn = max(lastActivityOn, day)
        updatedAt = moment
    }
}

import NextYesCore
import NextYesInsights
import NextYesFeatures
import Vapor

struct SkillsController {
    struct SkillBody: Content {
        var name: String?
        var level: String?
        var remove: String?
        /// The page to go back to, when it's one of ours.
        var back: String?
    }

    struct TargetsBody: Content {
        var roles: String?
        var industries: String?
        var values: String?
        var interests: String?
        var strengths: String?
    }

    struct GoalBody: Content {
        var focus: String?
        var focusName: String?
        var title: String?
        var action: String?
        var measure: String?
        var deadline: String?
        var weeklyHours: String?
        var hours: String?
    }

    // MARK: Profile

    func profile(_ req: Request) async throws -> Page {
        Page(html: ProfileShow.view(try await profileModel(req)))
    }

    private func profileModel(_ req: Request, found: [SkillRef] = [], errors: ValidationErrors? = nil) async throws -> ProfileShow.Model {
        let workspace = req.workspace
        let targets = try await workspace.skills.targets()
        let applications = try await workspace.applications.all()
        let alignment = CareerAlignment.check(applications, targets: targets)
        let titles = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0.title) })
        return ProfileShow.Model(
            chrome: req.chrome(.profile), skills: try await workspace.skills.skills(), targets: targets, alignment: alignment,
            unalignedTitles: alignment?.unalignedIDs.compactMap { titles[$0] } ?? [], found: found, errors: errors)
    }

    /// Adds one skill, or the skills ticked after reading a resume.
    func addSkills(_ req: Request) async throws -> Response {
        let body = try req.content.decode(SkillBody.self)
        let picked = (try? req.content.get([String].self, at: "pick")) ?? []
        let names = picked.isEmpty ? [body.name ?? ""] : picked
        let level = body.level.flatMap(SkillLevel.init(id:))
        do {
            var message = "Added \(names.count) skills to your profile."
            let added = try await req.workspace.skills.add(names: names, level: level)
            if added.count == 1, let one = added.first {
                let skill = one.skill
                switch one.previous {
                case nil: message = "Added \(skill.name) to your profile."
                case skill.level where level != nil && level! < skill.level:
                    message = "\(skill.name) is already in your profile as \(skill.level.title.lowercased()); adding never lowers a level. Change it in the list below."
                case skill.level: message = "\(skill.name) is already in your profile."
                case let before?: message = "Changed \(skill.name) from \(before.title.lowercased()) to \(skill.level.title.lowercased())."
                }
            }
            req.flash(message)
        } catch let error as ProfileError {
            let errors = ValidationErrors([FieldError("name", error.errorDescription ?? "")])
            return try await Page(html: ProfileShow.view(try await profileModel(req, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
        return req.redirect(to: Self.localPath(body.back) ?? SiteURL.profile.path())
    }

    /// A path on this site, never another host: "/applications/3" yes, "//evil.example" no.
    static func localPath(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 200,
              raw.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else { return nil }
        return raw
    }

    func updateSkill(_ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let body = try req.content.decode(SkillBody.self)
        if body.remove == "yes" {
            try await req.workspace.skills.remove(id)
            req.flash("Removed.")
        } else if let level = body.level.flatMap(SkillLevel.init(id:)), let skill = try await req.workspace.skills.setLevel(id, level) {
            req.flash("Updated \(skill.name).")
        }
        return req.redirect(to: SiteURL.profile.path())
    }

    /// Reads a pasted resume for skills; nothing is saved until the person picks.
    func readResume(_ req: Request) async throws -> Response {
        let text = (try? req.content.get(String.self, at: "resume")) ?? ""
        guard let clean = Text.clean(text) else {
            let errors = ValidationErrors([FieldError("resume", "Paste the text of your resume first.")])
            return try await Page(html: ProfileShow.view(try await profileModel(req, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
        let found = try await req.workspace.skills.newSkills(in: clean)
        if found.isEmpty {
            req.flash("NextYes didn't find skills it recognises that aren't already in your profile. You can add them one by one.")
            return req.redirect(to: SiteURL.profile.path())
        }
        return try await Page(html: ProfileShow.view(try await profileModel(req, found: found))).encodeResponse(for: req)
    }

    func saveTargets(_ req: Request) async throws -> Response {
        let body = try req.content.decode(TargetsBody.self)
        var errors = ValidationErrors()
        let targets = CareerTargets(
            roles: CareerTargets.list(body.roles ?? "", field: "roles", errors: &errors),
            industries: CareerTargets.list(body.industries ?? "", field: "industries", errors: &errors),
            values: CareerTargets.list(body.values ?? "", field: "values", errors: &errors),
            interests: CareerTargets.list(body.interests ?? "", field: "interests", errors: &errors),
            strengths: CareerTargets.list(body.strengths ?? "", field: "strengths", errors: &errors))
        guard errors.isEmpty else {
            return try await Page(html: ProfileShow.view(try await profileModel(req, errors: errors)), status: .badRequest).encodeResponse(for: req)
        }
        try await req.workspace.skills.saveTargets(targets)
        req.flash("Saved.")
        return req.redirect(to: SiteURL.profile.path())
    }

    // MARK: Skills in demand

    func skills(_ req: Request) async throws -> Page {
        let workspace = req.workspace
        let demand = try await workspace.skills.demand()
        let shown = demand.prefix(SkillsShow.Model.shown).flatMap { $0.applicationIDs.prefix(SkillsShow.Model.titlesPerSkill) }
        return Page(html: SkillsShow.view(.init(
            chrome: req.chrome(.skills), demand: demand,
            postings: try await workspace.skills.postings(),
            titles: try await workspace.skills.titles(shown))))
    }

    // MARK: Plan

    func plan(_ req: Request) async throws -> Page {
        Page(html: PlanShow.view(try await planModel(req, errors: nil)))
    }

    private func planModel(_ req: Request, errors: ValidationErrors?, failed: GoalForm? = nil) async throws -> PlanShow.Model {
        PlanShow.Model(chrome: req.chrome(.plan), proposals: try await req.workspace.plan.proposals(today: req.today),
                       goals: try await req.workspace.plan.goals(), today: req.today, errors: errors, failed: failed,
                       notes: try await req.workspace.plan.coachNotes())
    }

    private func goalForm(_ body: GoalBody) -> GoalForm {
        GoalForm(title: body.title ?? "", focus: body.focus ?? "", focusName: body.focusName ?? "", action: body.action ?? "", measure: body.measure ?? "",
                 deadline: body.deadline ?? "", weeklyHours: body.weeklyHours ?? "")
    }

    func acceptGoal(_ req: Request) async throws -> Response {
        let body = try req.content.decode(GoalBody.self)
        let form = goalForm(body)
        do {
            let goal = try await req.workspace.plan.accept(try form.validated(today: req.today))
            req.flash("Added \"\(goal.title)\" to your plan. Small, steady steps count.")
            return req.redirect(to: SiteURL.plan.path())
        } catch let errors as ValidationErrors {
            return try await Page(html: PlanShow.view(try await planModel(req, errors: errors, failed: form)), status: .badRequest).encodeResponse(for: req)
        }
    }

    func declineGoal(_ req: Request) async throws -> Response {
        let body = try req.content.decode(GoalBody.self)
        var form = goalForm(body)
        // A declined suggestion only needs to be remembered, not to be valid as a goal.
        if Text.cleanLine(form.measure) == nil { form.measure = "Not for now" }
        if Day(form.deadline) == nil || Day(form.deadline)! < req.today { form.deadline = req.today.description }
        if Int(form.weeklyHours).map({ !(1...40).contains($0) }) ?? true { form.weeklyHours = "1" }
        if GoalAction(id: form.action) == nil { form.action = GoalAction.practice.rawValue }
        if Text.cleanLine(form.title) == nil { form.title = "Suggestion" }
        _ = try await req.workspace.plan.decline(try form.validated(today: req.today))
        req.flash("Okay, NextYes won't suggest that one again.")
        return req.redirect(to: SiteURL.plan.path())
    }

    func goalAction(_ action: SiteURL.GoalAction, _ req: Request) async throws -> Response {
        let id = try req.applicationID()
        let body = try req.content.decode(GoalBody.self)
        do {
            switch action {
            case .done:
                let goal = try await req.workspace.plan.finish(id, as: .done)
                req.flash("Done: \(goal.title). That's a real step forward, and it's now in your wins.")
            case .drop:
                _ = try await req.workspace.plan.finish(id, as: .dropped)
                req.flash("Dropped. Letting go of a goal that no longer fits is a decision, not a failure.")
            case .hours:
                guard let hours = Double(Text.cleanLine(body.hours) ?? ""), hours.isFinite else { throw ProfileError.badHours }
                try await req.workspace.plan.logHours(hours, goalID: id)
                req.flash("Logged \(Hours.text(hours)). Every hour counts.")
            case .edit:
                _ = try await req.workspace.plan.update(id, try goalForm(body).validated(today: req.today))
                req.flash("Saved.")
            }
        } catch let error as ProfileError {
            req.flash(error.errorDescription ?? "")
        } catch let errors as ValidationErrors {
            req.flash(errors.errorDescription ?? "")
        }
        return req.redirect(to: SiteURL.plan.path())
    }
}

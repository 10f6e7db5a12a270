import NextYesAPI
import Vapor

func routes(_ application: Vapor.Application) throws {
    // Every page and answer is made inside the day style of the browser that asked (a route's own
    // middleware, so the style reaches the code that writes the page).
    let app = application.grouped(DayStyleMiddleware())
    // The JSON API: bearer tokens, no session and no form token (see APIMiddleware).
    try NextYesAPI.register(on: app) { $0.workspace }
    app.get("api", "docs") { req in
        Page(html: APIDocsPage.view(signedIn: AccessMiddleware.isSignedIn(req),
                                    origin: req.headers.first(name: .host).map { "http://" + $0 } ?? "http://127.0.0.1:8080",
                                    centre: req.application.nextyes.isCentre))
    }

    app.get(SiteURL.stylesheet.pathComponents) { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
    app.get(SiteURL.script.pathComponents) { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Script.js))
    }
    app.get(SiteURL.login.pathComponents) { req -> Response in
        if req.application.nextyes.isCentre {
            if let account = try await CentreAccessMiddleware.signedIn(req) {
                return req.redirect(to: CentreAccessMiddleware.home(account))
            }
            return try await CentreController.loginPage(req).encodeResponse(for: req)
        }
        if AccessMiddleware.isSignedIn(req) {
            return req.redirect(to: SiteURL.dashboard.path())
        }
        let loggedOut = (try? req.query.get(String.self, at: "bye")) != nil
        return try await LoginHelp.page(reason: loggedOut ? .loggedOut : .noSession, host: req.headers.first(name: .host)).encodeResponse(for: req)
    }
    app.post(SiteURL.logout.pathComponents) { req -> Response in
        req.session.destroy()
        // Post-redirect-get, so Back never offers to send the log-out again.
        return req.redirect(to: SiteURL.login.path([("bye", "1")]))
    }

    if application.nextyes.isCentre { CentreController().register(app) }

    let dashboard = DashboardController()
    app.get(SiteURL.dashboard.pathComponents, use: dashboard.show)
    app.post(SiteURL.demo.pathComponents, use: dashboard.loadDemo)
    app.post(SiteURL.removeSample.pathComponents, use: dashboard.removeDemo)

    let settings = SettingsController()
    app.get(SiteURL.settings.pathComponents, use: settings.show)
    app.post(SiteURL.settings.pathComponents, use: settings.save)
    app.post(SiteURL.apiTokens.pathComponents, use: settings.createToken)
    app.post(SiteURL.apiTokenRevoke(.key).pathComponents, use: settings.revokeToken)

    let applications = ApplicationsController()
    app.get(SiteURL.applications.pathComponents, use: applications.index)
    app.post(SiteURL.applications.pathComponents, use: applications.create)
    app.get(SiteURL.newApplication.pathComponents, use: applications.new)
    app.get(SiteURL.application(.key).pathComponents, use: applications.show)
    app.post(SiteURL.application(.key).pathComponents, use: applications.update)
    app.get(SiteURL.editApplication(.key).pathComponents, use: applications.edit)
    for action in SiteURL.ApplicationAction.allCases {
        app.post(SiteURL.applicationAction(.key, action).pathComponents) { req in
            try await applications.perform(action, req)
        }
    }

    let capture = CaptureController()
    app.get(SiteURL.postingApplication.pathComponents, use: capture.postingPage)
    app.post(SiteURL.postingApplication.pathComponents, use: capture.readPosting)
    app.get(SiteURL.mail.pathComponents, use: capture.mailPage)
    app.on(.POST, SiteURL.mail.pathComponents, body: .collect(maxSize: "26mb")) { req in try await capture.readMail(req) }
    app.post(SiteURL.mailApply.pathComponents, use: capture.applyMail)
    app.on(.POST, SiteURL.mailbox.pathComponents, body: .collect(maxSize: "128mb")) { req in try await capture.uploadMailbox(req) }
    app.post(SiteURL.mailboxApply.pathComponents, use: capture.applyMailbox)

    let rejection = RejectionFlowController()
    app.get(SiteURL.rejectAcknowledge(.key).pathComponents, use: rejection.acknowledge)
    app.get(SiteURL.rejectDetails(.key).pathComponents, use: rejection.details)
    app.post(SiteURL.rejectDetails(.key).pathComponents, use: rejection.submitDetails)
    app.get(SiteURL.rejectCategory(.key).pathComponents, use: rejection.category)
    app.post(SiteURL.rejectCategory(.key).pathComponents, use: rejection.save)
    app.get(SiteURL.rejectionNext(.key).pathComponents, use: rejection.next)

    let feedback = FeedbackController()
    app.get(SiteURL.feedbackCompose(.key).pathComponents, use: feedback.compose)
    app.post(SiteURL.feedbackRequests(.key).pathComponents, use: feedback.createRequest)
    app.post(SiteURL.feedbackRecord(.key).pathComponents, use: feedback.record)
    for action in SiteURL.FeedbackRequestAction.allCases {
        app.post(SiteURL.feedbackRequestAction(.key, action).pathComponents) { req in
            try await feedback.requestAction(action, req)
        }
    }

    let reflection = ReflectionController()
    app.get(SiteURL.reflection(.key).pathComponents, use: reflection.edit)
    app.post(SiteURL.reflection(.key).pathComponents, use: reflection.save)

    app.get(SiteURL.insights.pathComponents, use: InsightsController().show)

    let skills = SkillsController()
    app.get(SiteURL.profile.pathComponents, use: skills.profile)
    app.post(SiteURL.profileSkills.pathComponents, use: skills.addSkills)
    app.post(SiteURL.profileSkill(.key).pathComponents, use: skills.updateSkill)
    app.post(SiteURL.profileResume.pathComponents, use: skills.readResume)
    app.post(SiteURL.profileTargets.pathComponents, use: skills.saveTargets)
    app.get(SiteURL.skills.pathComponents, use: skills.skills)
    app.get(SiteURL.plan.pathComponents, use: skills.plan)
    app.post(SiteURL.planGoals.pathComponents, use: skills.acceptGoal)
    app.post(SiteURL.planDecline.pathComponents, use: skills.declineGoal)
    for action in SiteURL.GoalAction.allCases {
        app.post(SiteURL.planGoal(.key, action).pathComponents) { req in try await skills.goalAction(action, req) }
    }

    let momentum = MomentumController()
    app.get(SiteURL.progress.pathComponents, use: momentum.progress)
    app.post(SiteURL.progress.pathComponents, use: momentum.saveTargets)
    app.post(SiteURL.progressHours.pathComponents, use: momentum.logHours)
    app.get(SiteURL.agenda.pathComponents, use: momentum.agenda)
    app.post(SiteURL.agendaDone.pathComponents, use: momentum.markDone)
    app.post(SiteURL.agendaNewToken.pathComponents, use: momentum.newToken)
    app.get(SiteURL.feed(.key).pathComponents, use: momentum.feed)

    let network = NetworkController()
    app.get(SiteURL.contacts.pathComponents, use: network.index)
    app.post(SiteURL.contacts.pathComponents, use: network.create)
    app.get(SiteURL.contact(.key).pathComponents, use: network.show)
    app.post(SiteURL.contact(.key).pathComponents, use: network.update)
    for action in SiteURL.ContactAction.allCases {
        app.post(SiteURL.contactAction(.key, action).pathComponents) { req in try await network.action(action, req) }
    }
    app.post(SiteURL.interviews(.key).pathComponents, use: network.addInterview)
    app.post(SiteURL.interviewDelete(.key).pathComponents, use: network.deleteInterview)

    let practice = PracticeController()
    app.get(SiteURL.stories.pathComponents, use: practice.stories)
    app.post(SiteURL.stories.pathComponents, use: practice.createStory)
    app.get(SiteURL.story(.key).pathComponents, use: practice.story)
    app.post(SiteURL.story(.key).pathComponents, use: practice.updateStory)
    app.post(SiteURL.storyDelete(.key).pathComponents, use: practice.deleteStory)
    app.get(SiteURL.practice.pathComponents, use: practice.practice)
    app.post(SiteURL.practice.pathComponents, use: practice.rate)

    let report = ReportController()
    app.get(SiteURL.report.pathComponents) { req in try await report.show(req) }
    app.get(SiteURL.reportDownload(.key).pathComponents) { req in try await report.download(req) }
    app.post(SiteURL.reportWellbeing.pathComponents) { req in try await report.toggleWellbeing(req) }

    let portability = PortabilityController()
    app.get(SiteURL.importFile.pathComponents, use: portability.page)
    app.on(.POST, SiteURL.importFile.pathComponents, body: .collect(maxSize: "128mb")) { req in try await portability.upload(req) }
    app.post(SiteURL.importConfirm.pathComponents) { req in try await portability.confirm(req) }
    app.post(SiteURL.importCancel.pathComponents) { req in try await portability.cancel(req) }
    app.on(.POST, SiteURL.importBackup.pathComponents, body: .collect(maxSize: "128mb")) { req in try await portability.restore(req) }
    app.get(SiteURL.exportFile(.key).pathComponents) { req in try await portability.export(req) }

    let resilience = ResilienceController()
    app.get(SiteURL.journal.pathComponents, use: resilience.journal)
    app.post(SiteURL.journal.pathComponents, use: resilience.createEntry)
    app.get(SiteURL.journalEntry(.key).pathComponents, use: resilience.entry)
    app.post(SiteURL.journalReframe(.key).pathComponents, use: resilience.saveReframe)
    app.post(SiteURL.checkIn.pathComponents, use: resilience.checkIn)
    app.get(SiteURL.wins.pathComponents, use: resilience.wins)
    app.post(SiteURL.wins.pathComponents, use: resilience.addWin)
    app.get(SiteURL.support.pathComponents, use: resilience.support)
    app.post(SiteURL.support.pathComponents, use: resilience.saveSupport)
    app.post(SiteURL.supportResume.pathComponents, use: resilience.resume)
}

import Foundation
import Testing
import NextYesCore
@testable import NextYesInsights

@Suite("Wellbeing watch")
struct WellbeingTests {
    let today = Day("2026-11-21")!
    func day(_ offset: Int) -> Day { today.adding(days: -offset) }

    @Test func noticesPersistentLowMoodOnlyWithEnoughCheckIns() {
        let four = WellbeingInputs(moods: (0..<4).map { (day($0), 2) })
        #expect(WellbeingWatch.signals(four, today: today).isEmpty)
        let five = WellbeingInputs(moods: (0..<5).map { (day($0 * 2), 3) })
        let signals = WellbeingWatch.signals(five, today: today)
        #expect(signals == [.lowMood(average: 3, checkIns: 5)])
        #expect(signals[0].suggestsProfessionalSupport)
        let older = WellbeingInputs(moods: (14..<20).map { (day($0), 1) })
        #expect(WellbeingWatch.signals(older, today: today).isEmpty, "moods older than 14 days don't count")
        let fine = WellbeingInputs(moods: (0..<6).map { (day($0), 4) })
        #expect(WellbeingWatch.signals(fine, today: today).isEmpty)
    }

    @Test func noticesRejectionsCloseTogether() {
        #expect(WellbeingWatch.signals(WellbeingInputs(rejectionDays: [day(0), day(3), day(6)], applicationDays: [day(0)]), today: today) == [.rejectionCluster(count: 3)])
        #expect(WellbeingWatch.signals(WellbeingInputs(rejectionDays: [day(0), day(3), day(7)], applicationDays: [day(0)]), today: today).isEmpty)
    }

    @Test func noticesAQuietStretchAfterARejection() {
        let quiet = WellbeingInputs(rejectionDays: [day(14)], applicationDays: [day(20)])
        #expect(WellbeingWatch.signals(quiet, today: today) == [.stalled(days: 14, since: day(14))])
        let active = WellbeingInputs(rejectionDays: [day(14)], applicationDays: [day(2)])
        #expect(WellbeingWatch.signals(active, today: today).isEmpty)
        let networking = WellbeingInputs(rejectionDays: [day(20)], networkingDays: [day(5)])
        #expect(WellbeingWatch.signals(networking, today: today).isEmpty)
        #expect(WellbeingWatch.signals(WellbeingInputs(rejectionDays: [day(13)]), today: today).isEmpty)
    }

    @Test func noticesVolumeWithoutReplies() {
        let sixteen = WellbeingInputs(applicationDays: [day(0)], recentApplications: (0..<16).map { (day($0 % 7), false) })
        #expect(WellbeingWatch.signals(sixteen, today: today) == [.burnout(applications: 16)])
        let fifteen = WellbeingInputs(applicationDays: [day(0)], recentApplications: (0..<15).map { (day($0 % 7), false) })
        #expect(WellbeingWatch.signals(fifteen, today: today).isEmpty)
        var replied = sixteen
        replied.recentApplications[3].replied = true
        #expect(WellbeingWatch.signals(replied, today: today).isEmpty)
    }

    @Test func messagesAreWarmAndNeverDiagnose() {
        let all: [WellbeingSignal] = [.lowMood(average: 2.5, checkIns: 6), .rejectionCluster(count: 3), .stalled(days: 20, since: today), .burnout(applications: 18)]
        for signal in all {
            let text = signal.message.lowercased()
            for word in ["depress", "disorder", "diagnos", "you must", "you should", "failure", "lazy"] {
                #expect(!text.contains(word), "\(signal.id) says \(word)")
            }
        }
    }

    @Test func affirmationsComeFromTheirRecord() {
        let wins = [Win(id: 1, on: today, kind: .stoodOut, title: "Acme moved you to interview"),
                    Win(id: 2, on: today, kind: .stoodOut, title: "Globex moved you to screening")]
        let lines = Affirmations.make(
            profileStrengths: ["clear writing"],
            feedbackStrengths: [.init(theme: .communication, evidence: "Great rapport with the panel", company: "Acme")],
            wins: wins, movedOn: .init(applications: 2, of: 5))
        #expect(lines.count == 3)
        #expect(lines[0] == "Acme noticed your communication & presentation: \"Great rapport with the panel\"")
        // It counts applications that moved past "applied", not stage moves.
        #expect(lines[1] == "2 of your 5 applications moved past \"applied\": each one a company that chose to hear more from you.")
        #expect(lines[2].contains("clear writing"))
        #expect(Affirmations.make(profileStrengths: [], feedbackStrengths: [], wins: []).count == 1)
    }

    @Test func averagesMoodByDay() {
        let points = MoodTrend.daily([(day(2), 4), (day(2), 6), (day(0), 8)], from: day(2), to: today)
        #expect(points.map(\.average) == [5, nil, 8])
    }
}

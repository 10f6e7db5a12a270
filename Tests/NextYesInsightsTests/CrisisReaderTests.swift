import Foundation
import Testing
@testable import NextYesInsights

@Suite("Crisis reader")
struct CrisisReaderTests {
    struct Item: Decodable {
        var text: String
        var crisis: Bool
        var hard: Bool
    }

    static func load(_ name: String) throws -> [Item] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/crisis/\(name).jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
    }

    @Test(arguments: [
        "I don't see the point of going on anymore… everyone would be better off without me",
        "I want to kill myself.", "no reason to be here anymore", "I keep hoping I just don't wake up tomorrow", "I see no way out.", "There's no way out of this.",
        "I wish I could sleep and not wake up until it's all over.",
        "I can't go on.", "I won't be around much longer.", "Nobody would miss me if I left.", "I want to sleep for a week and never wake up.",
        "I want to disappear for a week and never come back.",
        "I want to stop existing", "I have a plan.", "how many pills would it take", "I bought a rope",
        "I cut myself again last night", "I've started giving my things away", "I wrote goodbye letters to my family",
        "Ich will nicht mehr leben.", "Quiero morirme.", "Je veux mourir.", "suicidal again today",
        // A fourth trial: Dutch and Portuguese, "kms" mid-sentence, a feeling of not wanting to
        // live with a time to it, and a yes to someone else's question.
        "Ik wil gewoon dood.", "Ik wil niet meer leven.", "Quero morrer.", "Não quero mais viver.", "Não aguento mais, quero morrer.",
        "Vou me matar.", "Penso em me matar todos os dias.", "Ik denk aan zelfmoord.",
        "kms if they reject me", "kms if i don't hear back from them this week lol",
        "I've had thoughts of not wanting to live since the third rejection.",
        "My therapist asked if I've had thoughts of suicide, and honestly yes.",
        // A fifth trial: a plan with a date, means with a clause after them, typos and filter
        // words, a contraction, Italian, and a Dutch ending.
        "I'm going to kill myself on monday", "I'm going to kill myself on the 5th", "planning to kill myself at the weekend",
        "planning to do it on friday when my flatmate is away", "I have the pills saved up, just need the courage",
        "i wnat to die", "i want to dei", "I'd rather die than keep doing this", "sewer slide is looking real tempting rn",
        "k.m.s.", "I'm going to ctb", "I wish I'd never been born", "ideation is back, bad. rejection from the bank was the last straw",
        "Voglio morire, un altro rifiuto", "Sto pensando di togliermi la vita", "Non voglio più vivere", "voglio farla finita",
        "Ho scritto le lettere d'addio", "Ik wil er een eind aan maken", "I wrote a farewell note to my family",
        // A sixth trial: spellings that hide the word, "kys" to oneself, means without "myself",
        // a goodbye by e-mail, Polish and Swedish.
        "s*icide keeps popping into my head every time I open LinkedIn", "been thinking about su!cide more than about cover letters lately",
        "su1c1dal thoughts all day today", "kys. that's what I tell myself in the mirror every morning now",
        "Found a sturdy beam in the garage. Tested it with the rope today.",
        "When I drive home on the motorway I think about just steering into the concrete barrier at full speed",
        "Stood on the platform this morning and thought about stepping in front of the 8:14 express",
        "after the last interview on Friday, if it's a no, that's it for me",
        "Scheduled an email to go out to my friends on Sunday morning explaining why I did it",
        "not eating as punishment for every rejection, day four now", "ending it seems like the only option left after this layoff",
        "Dear future employer: you won't get the chance to reject me, I won't be around by then.",
        "I am going to make sure I don't see next week", "Dopo il colloquio di venerdì, se va male, la faccio finita.",
        "Nie chcę już żyć, kolejna odmowa.", "Chcę się zabić.", "Jag vill inte leva längre, ännu ett nej idag.", "Jag tänker på att ta livet av mig.",
    ])
    func readsCrisisLanguage(_ text: String) {
        let reading = CrisisReader.read(text)
        #expect(reading.isCrisis, "missed: \(text)")
        #expect(reading.evidence?.isEmpty == false)
    }

    @Test(arguments: [
        "this job hunt is killing me", "I could die of embarrassment", "dead tired after the assessment", "I'd kill for that job",
        "my application is dead in the water", "I'd rather die than work in sales again, haha",
        "I'm at the end of my rope with this recruiter", "My friend lost her brother to suicide and I'm trying to support her.",
        "I volunteer at a crisis line on Tuesdays.", "I'm not suicidal, just tired", "I have a plan for next week's applications",
        "Das bringt mich um, diese Absagen.", "Me muero de ganas de empezar.", "Je suis mort de fatigue.",
        // A contract with no way out, and a lie-in with a time to wake.
        "There's no way out of this non-compete clause until March.", "I wish I could sleep in and not wake up until noon on Saturday.",
        "Won't be around much this week, travelling to Lagos for my sister's wedding.", "Nobody would miss me if I quit the WhatsApp group.",
        "I wish I could just disappear for a week and sleep.",
        "The office is 40 kms away, too far to commute.", "My GP asked if I'd had thoughts of self-harm; I said no, it's just stress.",
        "Ik ga dood van de zenuwen voor dat gesprek.", "Morri de rir com a pergunta do recrutador.", "Quero morrer de rir com esse e-mail.",
        "Mijn vriend heeft het over zelfmoordpreventie in zijn nieuwe baan.",
        "I've been killing myself on this project all week", "The ideation phase of the design sprint went well.",
        "I wrote a farewell note to my colleagues on my last day", "Non voglio morire, voglio solo un lavoro.", "Ho riso da morire.",
        "I want this job search to end already", "I'm testing the rope access kit for my new job.", "Someone on Reddit told me kys, what a troll.",
        "Suicide prevention keeps coming up in the news", "Jag vill inte jobba där.", "Nie chcę umrzeć, chcę tylko pracy.",
        "Missed the deadline for the application, that's it, my career is over.", "that's it, I'm done applying for today.",
    ])
    func leavesEverydayIdiomsAlone(_ text: String) {
        #expect(!CrisisReader.read(text).isCrisis, "false alarm: \(text)")
    }

    @Test func theModelLoadsWithItsChecksum() throws {
        let model = try #require(CrisisModel.bundled, "the shipped crisis model did not load")
        #expect(model.bucketBits == CrisisModel.bucketBits && !model.weights.isEmpty)
        var damaged = model.encoded()
        damaged[30] ^= 0xff
        #expect(throws: LogisticModel.LoadError.self) { try LogisticModel.decode(damaged) }
        #expect(try LogisticModel.decode(model.encoded()) == model)
    }

    /// The held-out figures written in docs/models/crisis.md; a change that makes them worse fails.
    @Test(arguments: [("test2", 0.94, 0.05), ("heldout", 0.93, 0.11), ("heldout2", 0.89, 0.07)])
    func heldOutFiguresHold(_ name: String, _ minimumRecall: Double, _ maximumHardFalseAlarms: Double) throws {
        let items = try Self.load(name)
        let positives = items.filter(\.crisis), hard = items.filter { !$0.crisis && $0.hard }
        let recall = Double(positives.filter { CrisisReader.read($0.text).isCrisis }.count) / Double(positives.count)
        let alarms = Double(hard.filter { CrisisReader.read($0.text).isCrisis }.count) / Double(hard.count)
        #expect(recall >= minimumRecall, "\(name) recall \(recall)")
        #expect(alarms <= maximumHardFalseAlarms, "\(name) false alarms on hard negatives \(alarms)")
    }
}

import FluentKit

/// Every migration, in the order it landed. A landed migration is never edited; changes come as new ones.
public enum NextYesSchema {
    public static var migrations: [any Migration] {
        [
            CreateApplication(),
            CreateApplicationEvent(),
            CreateRejection(),
            CreateSetting(),
            CreateContact(),
            CreateFeedbackRequest(),
            CreateFeedback(),
            CreateReflection(),
            CreateJournalEntry(),
            CreateWin(),
            CreateProfileSkill(),
            CreatePlanGoal(),
            CreateMomentum(),
            AddImportKey(),
            CreateSession(),
            AddApplicationIdentityIndex(),
            AddSkillReading(),
            AddActivityIndex(),
            AddFeedbackReading(),
            AddApplicationRevisions(),
            AddTableVersions(),
            AddReadingIndexes(),
            CreateMailMessages(),
            CreateAPITokens(),
            CreateCoachNotes(),
        ]
    }
}

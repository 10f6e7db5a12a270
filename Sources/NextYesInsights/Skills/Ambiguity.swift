/// Words that are also skills or technologies only some of the time.
enum Ambiguity {
    /// Everyday words that are the whole name of a technology or skill: they count only with
    /// context ("proficient in Go", "R and Python"), and with a capital where the name has one.
    static let commonWords: Set<String> = [
        "access", "acrobat", "agenda", "amplify", "angular", "animate", "apps", "arnold", "athena", "audition",
        "automate", "backbone", "basic", "bear", "beats", "behave", "blender", "bower", "box", "brainstorm", "bridge",
        "bubble", "c", "calendar", "captivate", "chai", "chat", "chef", "civil", "classroom", "coda", "compose",
        "comprehend", "connect", "construct", "consul", "contribute", "corona", "craft", "crystal", "cucumber", "cut",
        "cycles", "cypress", "d", "dance", "dart", "dask", "data", "designer", "director", "discord", "docs", "domo",
        "draft", "drill", "drive", "drupal", "dynamics", "e", "edge", "elastic", "electron", "ember", "encore", "envoy",
        "excel", "exchange", "express", "f", "final", "fireworks", "flash", "flask", "flow", "fluent", "forecast",
        "forms", "fossil", "fusion", "gherkin", "ghost", "glue", "go", "grasshopper", "grunt", "gulp", "harvest",
        "helm", "hive", "houdini", "illustrator", "improvise", "ink", "innovate", "instagram", "integrity", "inventor",
        "ionic", "j", "jade", "jasmine", "jest", "julia", "k", "karma", "keep", "keynote", "lambda", "lecture",
        "ledger", "less", "librarian", "line", "logic", "logo", "looker", "magento", "mail", "make", "maps", "maya",
        "medium", "meet", "mercury", "meteor", "mocha", "monday", "motion", "muse", "node", "nomad", "notes", "notion",
        "nuke", "numbers", "octave", "office", "oracle", "outlook", "packer", "pages", "paint", "painter", "parse",
        "photos", "pig", "pinterest", "planner", "plastic", "power", "prelude", "premiere", "primer", "prince",
        "processes", "project", "protractor", "publisher", "pug", "puppet", "purchase", "q", "r", "ray", "react",
        "reader", "realm", "reddit", "reduce", "repairing", "report", "reserve", "rhino", "route", "ruby", "rust", "s",
        "salt", "sampling", "sand", "schedule", "scheme", "science", "seeding", "seesaw", "sheets", "shell", "shiny",
        "shopify", "signal", "sing", "singing", "sites", "sketch", "slack", "slides", "snapchat", "spark", "speaking",
        "spring", "square", "storm", "story", "strand", "stream", "struts", "stylus", "substance", "surround", "swarm",
        "swift", "swim", "swimming", "synergy", "tableau", "tanks", "taproot", "tattoo", "teams", "telegram", "things",
        "tiling", "titan", "translate", "tumblr", "twine", "twitter", "unity", "v", "vagrant", "vault", "velvet",
        "viber", "vigilant", "vue", "warehouse", "wechat", "weld", "wix", "word", "writing", "x", "yarn", "zoom",
    ]

    /// Words of grammar, in the languages postings come in, that some short names spell ("les" is
    /// O*NET's LES, "does" inflects DOE, "van" and "die" are everywhere): written in small letters
    /// they never name a skill, whatever the tagger reads.
    static let functionWords: Set<String> = [
        "les", "des", "une", "aux", "sur", "avec", "pour", "dans", "est", "sont", "par", "qui", "que", "nos", "vos", "ses", "leur", "leurs",
        "der", "die", "das", "den", "dem", "und", "oder", "mit", "für", "bei", "ein", "eine", "einen", "ist", "sind", "wir", "sie",
        "van", "het", "een", "voor", "met", "bij", "zijn", "wij", "jij", "ook", "naar",
        "los", "las", "del", "por", "para", "con", "una", "unos", "nuestro", "nuestra",
        "com", "uma", "não", "nao", "dos", "pelo", "pela", "nosso", "nossa",
        "della", "delle", "nel", "nella", "sono", "och", "att", "som", "med", "för", "til", "og", "af",
        "does", "did", "doing", "acts", "the", "and", "for", "with", "are", "was", "were", "has", "had",
    ]

    /// Nearby words that say skills or tools are being discussed.
    static let cueWords: [String] = [
        "programming", "language", "languages", "experience", "experienced", "proficient", "proficiency", "knowledge",
        "skills", "skill", "developer", "developers", "development", "code", "coding", "scripting", "stack", "framework",
        "frameworks", "tools", "tool", "using", "including", "such", "like", "familiarity", "familiar", "expert",
        "expertise", "advanced", "strong", "solid", "working", "hands-on", "technologies", "technology", "software",
        "python", "java", "javascript", "sql", "microsoft", "office", "powerpoint", "spreadsheets", "statistical",
        "analytics", "analysis", "data", "package", "packages", "library", "libraries", "certified", "certification",
        "engineer", "engineering", "platform", "platforms", "cloud", "devops", "backend", "frontend", "mobile", "ios",
        "android", "app", "apps", "api", "apis", "write", "writing", "built", "build", "building", "use", "uses", "used",
    ]

    /// Currency codes and signs' letters that are also skills' names ("R", "CAD"): before an
    /// amount they are money.
    static let currencyCodes: Set<String> = ["R", "CAD", "AUD", "NZD", "USD", "SGD", "HKD", "CHF", "EUR", "GBP", "INR", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "JPY", "CNY"]
}

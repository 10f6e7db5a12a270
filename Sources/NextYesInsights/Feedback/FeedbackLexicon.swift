/// The words NextYes reads feedback by. Patterns are case-insensitive regular expressions matched
/// on word boundaries; they were written from the development half of the labelled set in
/// data/feedback-themes (the test half is kept for measuring only).
enum FeedbackLexicon {
    /// What each theme is about: words that say the feedback concerns it.
    static let themeCues: [(FeedbackTheme, PatternSet)] = [
        (.technicalSkills, PatternSet([
            #"\btechnical(?:ly)?\b(?!\s+(?:people|audiences?|folks|stakeholders|colleagues))"#, #"\btech(?:nical)? side\b"#, #"\bcod(?:e|ing)\b"#, #"\bprogramming\b"#,
            #"\balgorithms?\b"#, #"\bsql\b"#, #"\bpython\b"#, #"\bpandas\b"#, #"\bjava(?:script)?\b"#, #"\breact\b"#, #"\bdbt\b"#,
            #"\bexcel\b"#, #"\bformulas?\b"#, #"\bmodell?ing test\b"#, #"\bvaluation\b"#, #"\bifrs\b"#, #"\baccounting\b"#,
            #"\bclinical (?:knowledge|skills?|practice)\b"#, #"\bpharmacology\b"#, #"\bwound[- ]care\b"#, #"\bmedication\b"#,
            #"\blesson\b"#, #"\bdifferentiation\b"#, #"\bbehaviour management\b"#, #"\bbehavior management\b"#, #"\bpedagog\w*"#, #"\bteaching (?:practice|craft)\b"#,
            #"\bportfolio\b"#, #"\billustrat\w*"#, #"\btypography\b"#, #"\bvisual design\b"#, #"\bdesign craft\b"#, #"\bcraft\b"#,
            #"\bobjection handling\b"#, #"\bdiscovery questions\b"#, #"\bthe close\b"#, #"\bclosing technique\b"#, #"\bsales technique\b"#,
            #"\bproduct knowledge\b"#, #"\bdomain knowledge\b"#, #"\b(?:operational|technical|subject|industry) (?:knowledge|expertise)\b"#,
            #"\bhands[- ]on\b"#, #"\brusty\b"#, #"\btake[- ]home\b"#, #"\btechnical (?:test|exercise|interview|questions?)\b"#,
            #"\b(?:analytics|data) side\b"#, #"\bdashboards?\b"#, #"(?<!unfamiliar )(?<!new )(?<!internal )(?<!our )\btool(?:s|ing)\b"#, #"(?<!new )\bstack\b"#,
            #"\bmeasurement\b"#, #"\battribution\b"#, #"\banalytics tools?\b"#, #"\bexperimentation\b"#, #"\bstatistic\w*"#,
            #"\bchannel mix\b"#, #"\binteroperability\b"#, #"\bhl7\b"#, #"\bkubernetes\b"#, #"\bcloud\b"#, #"\binfrastructure\b"#,
            #"\bdepth in\b"#, #"\btechnical depth\b"#, #"\bknowledge\b"#, #"\bexpertise\b"#, #"\bstrong analyst\b"#, #"\bpairing session\b"#,
            #"\bsql exercise\b"#, #"\bwindow functions\b"#, #"\bquery optimi[sz]ation\b"#, #"\bcoding exercise\b"#,
            #"\bclinical\b"#, #"\bcase studies\b"#, #"\bcampaign\b"#, #"\bcopy(?:writing)?\b"#, #"\bwireframes?\b"#, #"\bprototyp\w*"#,
            #"\bfinancial model\w*"#, #"\breconciliation\b(?! process)"#, #"\bsafeguarding\b"#, #"\bcare plans?\b(?! in plain)"#,
        ])),
        (.communication, PatternSet([
            #"\bcommunicat\w*"#, #"\bexplain\w*\b(?! why)"#, #"\bexplanations?\b"#, #"\barticulat\w*"#, #"\bpresent(?:ation|ations|ed|ing)?\b"#,
            #"\bconcise(?:ness)?\b"#, #"\brambl\w*"#, #"\bwander\w*"#, #"\bwaffl\w*"#, #"\bjargon\w*"#, #"\bplain (?:language|english)\b"#,
            #"\bstorytelling\b"#, #"\blisten\w*"#, #"\btalked over\b"#, #"\binterrupt\w*"#, #"\brapport\b"#,
            #"\b(?:concrete|specific|real|clear) examples?\b"#, #"\bexamples? of (?:impact|what)\b"#, #"\bstar (?:method|approach|format)\b"#,
            #"\bheadline\b"#, #"\btoo much detail\b"#, #"\bclarity\b"#, #"\bclear(?:er|ly)?,? (?:and \w+ )?(?:explanations?|answers?|communicat\w*|presentations?|speaker|articulat\w*|written|examples?)\b"#,
            #"\b(?:answers?|explanations?|presentation|summary|demo|pitch|writing|delivery)\b[^.,]{0,20}\b(?:was|were) (?:\w+ )?clear(?:er)?\b"#, #"\bclearest\b"#, #"\bmake it (?:much )?clearer\b"#,
            #"\b(?:answers?|responses?) (?:were|was|ran|felt|lacked|tended)\b(?! (?:thoughtful|honest))"#, #"\banswers? (?:could|would)\b"#,
            #"\bstructure(?:d)? (?:your |in your )?(?:answers?|responses?)\b"#, #"\banswers lacked\b"#, #"\bpitch\b"#, #"\bengaging\b"#,
            #"\bsimplif\w*"#, #"\bnon[- ](?:technical|finance)\b"#, #"\bverbal\w*"#, #"\bwritten\b"#, #"\btone\b"#, #"\bcomms\b"#,
            #"\bhandover\b"#, #"\bsummary\b"#, #"\bcv\b|\bresume\b|\brésumé\b"#, #"\bbullets?\b"#, #"\bcase studies don'?t explain\b"#,
            #"\bquestions? confidently\b"#, #"\bthe key point\b"#, #"\bbrief\b"#, #"\bto the point\b"#, #"\bwell timed\b"#, #"\bkept (?:it )?short\b"#,
            #"\bexplaining numbers\b"#, #"\bpublic speaking\b"#, #"\bpresence\b"#, #"\bself[- ]promotion\b"#,
        ])),
        (.problemSolving, PatternSet([
            #"\bproblem[- ]solv\w*"#, #"\b(?:open-ended|design|hard|complex|business|the) problem\b(?! (?:for you|with you))"#, #"\b(?:your|an|the|overall) approach\b"#, #"\bapproach(?:ed)? (?:to|the|it|this)\b"#, #"\banalytical\b"#,
            #"\bcritical thinking\b"#, #"\blogic(?:al)?\b"#, #"\breasoning\b"#, #"\bjudge?ment\b"#, #"\bprioriti[sz]\w*"#,
            #"\btrade[- ]?offs?\b"#, #"\bestimat\w*"#, #"\bassumptions?\b"#, #"\broot[- ]cause\b"#, #"\bbr(?:eak|oke|eaking) (?:it |the problem |things )?down\b"#,
            #"\bstructured thinking\b"#, #"\bsystem design\b"#, #"\bdesign problem\b"#, #"\bbottlenecks?\b"#, #"\bfailure modes\b"#,
            #"\bdebugging\b"#, #"\bisolat\w* the issue\b"#, #"\bsense[- ]check\w*"#, #"\bmethodical\b"#, #"\b(?:commercial|bigger) picture\b"#,
            #"\bclarifying the requirements\b"#, #"\brequirements\b"#, #"\balternatives\b"#, #"\bapproach to the case\b"#, #"\bcase (?:analysis|answer|solution)\b"#,
            #"\boptions\b"#, #"\bdecision[- ]making\b"#, #"\btriage\b"#, #"\bvariance\b"#, #"\bcurveball\b"#, #"\bsymptoms\b"#, #"\bthink(?:ing)? through\b"#,
            #"\bstructure in how you\b"#, #"\bopen[- ]ended\b"#, #"\bscattershot\b"#, #"\bimplementation\b"#, #"\bwhy you (?:picked|chose)\b"#,
            #"\bdiagnos\w*"#, #"\bthe numbers\b"#, #"\broot cause\b"#, #"\bknock-on\b"#, #"\bimpact analysis\b"#,
        ])),
        (.teamwork, PatternSet([
            #"\bteam ?work\w*"#, #"\bteam player\b"#, #"\bcollaborat\w*"#, #"(?<!non-technical )(?<!non-finance )(?<!for )(?<!on )(?<!senior )\bstakeholders?\b(?! mapping)"#, #"\bstakeholder mapping\b"#, #"\bconflicts?\b"#, #"\bdisagree\w*"#,
            #"\bcredit to (?:your|the) team\b"#, #"\bgive (?:more )?credit\b"#, #"\bothers? (?:space|room) to\b"#, #"\bdominat\w*"#,
            #"\bfit in with the team\b"#, #"\bwork(?:ing|ed)? (?:well |closely |effectively )?(?:with|alongside) (?:the |your |other |a )?(?:others|team|teams|colleagues|wider|partners?|trustees|people|stakeholders|clients|peers|gps|doctors|nurses|teachers|parents|staff|managers?|engineers|designers|developers|everyone|them)\b"#,
            #"\bwork alongside\b"#, #"\bpartner\b"#, #"\bmdt\b"#, #"\bcross[- ]functional\b"#, #"\bwork(?:ing|ed)? alone\b"#, #"\bon your own\b"#,
            #"\bengage with the other\b"#, #"(?<!hold )\bcolleagues\b"#, #"\brelationships?\b"#, #"\binterpersonal\b"#, #"\bpeers?\b"#, #"\beasy to work with\b"#,
            #"\bescalat\w* (?:concerns|disagreements)\b"#, #"\beasy to work with\b"#, #"\b(?:your|the wider|a) team\b(?! (?:lead|leader|of))"#, #"\bwith (?:the|your|other) teams?\b"#, #"\bgroup (?:exercise|task|discussion)\b"#,
            #"\btogether\b"#, #"\bcheck(?:ing)? in with\b"#, #"\bchecking in\b"#,
        ])),
        (.adaptability, PatternSet([
            #"\badapt\w*"#, #"\bflexib\w*"#, #"\brigid\w*"#, #"\b(?:handle|handling|handled|cope with|coping with|adapt to|respond to|embrace|deal with|dealing with|resistant to|comfortable with) (?:the )?change\b"#,
            #"\bchanges? (?:in|to) (?:the )?(?:plan|priorities|brief|scope|requirements)\b"#, #"\bchanging (?:priorities|requirements|circumstances)\b"#, #"\bchange priorities\b"#, #"\bwhen things change\b"#,
            #"\bcurveball\b"#, #"\bambigu\w*"#, #"\bpivot\w*"#, #"\badjust\w*"#, #"\bon the fly\b"#, #"\bopen(?:ness)? to (?:feedback|new|other|ideas)\b"#,
            #"\bdefensive\w*"#, #"\breceptive\b"#, #"\bcoachable\b"#, #"\bquick learner\b"#, #"\bpick(?:s|ed)? (?:things|it|them) up\b"#,
            #"\blearning curve\b"#, #"\blearn(?:ed|t|ing)? (?:our|the|new|quickly|fast)\b"#, #"\bunfamiliar\b"#, #"\bnew (?:tools?|stack|tooling|constraints?|information)\b"#,
            #"\balternative approaches\b"#, #"\blet go of\b"#, #"\bthrown\b"#, #"\bpanic\w*"#, #"\bresilien\w*"#, #"\bcomposure\b"#,
            #"\breprioriti\w*"#, #"\bstuck (?:rigidly )?to (?:your|the) (?:script|plan)\b"#, #"\bwent off[- ]script\b"#, #"\boverran\b"#,
            #"\bpriorities changed\b"#, #"\bchange(?:d)? (?:her|his|their) mind\b"#, #"\bhandle change\b"#, #"\bconsider alternative\b"#,
            #"\bpush(?:ed)? back on (?:your|the) (?:plan|approach|idea|targeting)\b"#, #"\bquestioned your\b"#, #"\bfeedback\b(?= (?:on board|in the moment|well))"#,
            #"\bstructured environment\b"#, #"\bprefer a clear plan\b"#, #"\bclear plan\b"#, #"\bnew situations?\b"#,
        ])),
        (.leadership, PatternSet([
            #"\blead(?:ership|ing|er)?\b(?! (?:to|time|into))"#, #"\bled\b"#, #"\btake charge\b"#, #"\btook charge\b"#, #"\binitiative\b"#,
            #"\bownership\b"#, #"\bowning\b"#, #"\btook (?:the )?lead\b"#, #"\bdr(?:ive|ove|iving|iven)\b"#, #"\bdirection\b"#, #"\bvision\b"#,
            #"\binfluenc\w*"#, #"\bmentor\w*"#, #"\bcoach(?:ing|ed)?\b"#, #"\bdelegat\w*"#, #"\bmanag(?:e|ing) (?:a |the )?(?:team|people)\b"#,
            #"\bstep(?:ped)? (?:in|up)\b"#, #"\bhold colleagues to account\b"#, #"\bpush back on stakeholders\b"#, #"\bset direction\b"#,
            #"\bproactiv\w*"#, #"\bran? a (?:larger )?team\b"#, #"\bpeople management\b"#, #"\bdefer\w*"#, #"\bwaited to be told\b"#,
            #"\bgo along with\b"#, #"\bthe consensus\b"#, #"\bquiet\b"#, #"\bdeveloping people\b"#, #"\bjunior\b"#, #"\bhead of\b"#,
            #"\bauthority\b"#, #"\bassertive\w*"#, #"\bend to end\b"#, #"\bsenior presence\b"#, #"\bcharge\b"#,
        ])),
    ]

    /// Words that praise.
    static let positive = PatternSet([
        #"\bstrong(?:est)?\b"#, #"\bgreat\b"#, #"\bexcellent\b"#, #"\bimpress\w*"#, #"\bgood\b"#, #"\bclear\b(?! (?:you|that|to us|plan))"#, #"\bconcise\b"#,
        #"\bconfident(?:ly)?\b"#, #"\bcalm\b"#, #"\bcarefully\b"#, #"\bhappy to\b"#, #"\bwilling to\b"#, #"\bthriv\w*"#, #"\bloved\b"#, #"\b(?:really |especially )?liked\b"#, #"\benjoyed\b"#, #"\bst(?:oo|an)d(?:s)? out\b"#,
        #"\bsolid\b"#, #"\b(?:really|very|particularly|handled it|did) well\b"#, #"\bwell[- ](?:paced|timed|structured|prepared|thought)\b"#,
        #"\bnatural\b"#, #"\bsharp\b"#, #"\bcompelling\b"#, #"\bmeticulous\b"#, #"\bbest\b"#, #"\bmethodical\b"#, #"\blogical\b"#, #"\bcreative\b"#,
        #"\bquick learner\b"#, #"\bengag(?:ing|ed)\b"#, #"\bexactly\b"#, #"\bthorough\b"#, #"\bbrilliant\b"#, #"\boutstanding\b"#,
        #"\bfantastic\b"#, #"\bsuperb\b"#, #"\bnicely\b"#, #"\bcleanest\b"#, #"\bbright\b"#, #"\btalented\b"#, #"\bgorgeous\b"#, #"\binsightful\b"#,
        #"\bproactive\b"#, #"\bcollaborative\b"#, #"\bflexible\b"#, #"\badaptable\b"#, #"\binside out\b"#, #"\bappreciated\b"#,
        #"\bunanimous\b"#, #"\bwell\b"#, #"\bpositive\b"#, #"\bcapable\b"#, #"\bpersuasive\b"#, #"\bempath\w*"#,
        #"\bhappily\b"#, #"\bkept going\b"#, #"\bcame up with\b"#, #"\btook ownership\b"#, #"\bshowed\b"#, #"\bdemonstrated\b"#,
        #"\bno problem\b"#, #"\bcomfortabl[ey]\b"#, #"\bpolished\b"#, #"\bwell[- ]structured\b"#, #"\borgani[sz]ed\b"#, #"\bdrove\b"#,
        #"\binvest in\b"#, #"\bcare about\b"#, #"\bthe kind of\b"#, #"\bone of the (?:best|clearest|strongest)\b"#, #"\bclearest\b"#,
        #"\bpick things up quickly\b"#, #"\bhandled\b"#, #"\bfluent\w*"#, #"\brigou?r\w*"#, #"\bwarm\b"#, #"\bcompetent\b"#,
    ])

    /// Words that name a gap or ask for more.
    static let negative = PatternSet([
        #"\bcould (?:have|'ve)\b"#, #"\bcould be\b"#, #"\bwould (?:have|'ve) (?:liked|helped|been)\b"#, #"\b(?:we|i)'?d (?:have )?(?:liked|like|love) to (?:see|hear)\b"#,
        #"\bwe'?d have liked\b"#, #"\bneeds? (?:to|more|someone|work)\b"#, #"\bneed(?:ed)? to hear\b"#, #"\btry (?:to|using)\b"#, #"\bwork(?:ing)? on\b"#,
        #"\bimprove\w*"#, #"\bdevelopment (?:point|area)\b"#, #"\black(?:ed|ing|s)?\b"#, #"\bmissing\b"#, #"\bmissed\b"#, #"\bweak(?:er|ness|nesses|est)?\b"#,
        #"\bless (?:strong|confident|clear|convincing|sure)\b"#, #"\bstruggl\w*"#, #"\bunsure\b"#, #"\bunclear\b"#, #"\bhesita\w*"#,
        #"\breluctan\w*"#, #"\btrouble\b"#, #"\bconcerns?\b"#, #"\bconcerned\b"#, #"\breservations?\b"#, #"\bdoubt\w*"#, #"\bissues?\b"#,
        #"\bgaps?\b"#, #"\bf[ae]ll(?:s)? (?:a bit )?short\b"#, #"\bnot enough\b"#, #"\btoo (?:much|little|brief|long|quiet|willing|detailed|keen|passive|rigid|vague)\b"#,
        #"\ba (?:bit|little)\b"#, #"\bat times\b"#, #"\brusty\b"#, #"\boff track\b"#, #"\ball over the place\b"#, #"\bdisorgani[sz]ed\b"#,
        #"\bscattershot\b"#, #"\bjumped straight\b"#, #"\bjargon[- ]heavy\b"#, #"\bvague\b"#, #"\bshallow\b"#, #"\bsuperficial\b"#, #"\bsteep\b"#,
        #"\bflag\b"#, #"\bstretched\b"#, #"\bstuck\b"#, #"\brigid\w*"#, #"\bdefensive\b"#, #"\bdominat\w*"#, #"\btalked over\b"#,
        #"\binterrupt\w*"#, #"\brambl\w*"#, #"\bwander\w*"#, #"\bwaffl\w*"#, #"\bsoft\b"#, #"\bbrief\b"#, #"\bquiet\b"#, #"\bdefer\w*"#,
        #"\bpush you\b"#, #"\bpractis\w*|\bpractic\w*"#, #"\bbrush up\b"#, #"\bsharper\b"#, #"\bstronger\b"#, #"\bmore (?:depth|structure|detail|on|examples|evidence|focus|about|concrete|specific|initiative|flexible|experience)\b"#,
        #"\bwrong\b"#, #"\berrors?\b"#, #"\bmistakes?\b"#, #"\bway off\b"#, #"\bpoor\w*"#, #"\bmediocre\b"#, #"\bnot quite\b"#,
        #"\b(?:didn'?t|did not|never|don'?t|doesn'?t|do not|does not|haven'?t)\s+(?:really\s+|always\s+|actually\s+|quite\s+)?(?:meet|show|demonstrate|hear|see|discuss|ask|adjust|engage|clarify|state|give|mention|come across|explain|feel|consider|address|cover|push|take|offer|provide|test|check|prepare|structure|listen|follow|answer|say|include|talk|get|know|had to)\b"#,
        #"\b(?:wasn'?t|weren'?t|isn'?t|not) (?:\w+ )?(?:robust|strong|clear|good|convincing|detailed|deep|specific|concise) enough\b"#, #"\blimited\b"#,
        #"\bwasn'?t (?:clear|convincing|sure)\b"#, #"\blost (?:the|us|control|focus)\b"#, #"\blose\b"#, #"\bwent off\b"#,
        #"\bwe (?:didn'?t|did not) hear\b"#, #"\bwe wondered\b"#, #"\bwonder(?:ed)? how\b"#, #"\bbe stretched\b"#, #"\bwaited\b"#,
        #"\bhard to (?:follow|pick out)\b"#, #"\bcomplicated\b"#, #"\bthe bar\b"#,
        #"\bthe only (?:thing|hesitation|sticking point)\b"#, #"\bsticking point\b"#, #"\bwhere (?:we|they) had reservations\b"#,
        #"\bprefer(?:s|red)? to work on your own\b"#, #"\bwork alone\b"#, #"\bgo off and\b"#, #"\bweren'?t confident\b"#,
        #"\bnot (?:always|very|particularly|really)\b"#, #"\bunfocused\b"#, #"\boverly\b"#, #"\bnervous\w*"#, #"\bthrew you\b"#,
        #"\bgave you trouble\b"#, #"\bimpatien\w*"#, #"\bchallenge for you\b"#, #"\bto anchor\b"#, #"\bencourage you to\b"#,
    ])

    /// A negative word right after a negation is praise: "no concerns", "never lost", "nothing wrong".
    static let negator = PatternSet([
        #"\bno\b"#, #"\bnot\b"#, #"\bnever\b"#, #"\bnobody\b"#, #"\bno one\b"#, #"\bnone\b"#, #"\bnothing\b"#, #"\bwithout\b"#,
        #"\bn'?t\b"#, #"n't\b"#, #"\bhard to find\b"#, #"\bat no point\b"#, #"\bnot once\b"#, #"\bzero\b"#, #"\bany doubt\b"#,
    ])

    /// Phrases that are plain praise despite their negation, matched before anything else.
    static let praiseByNegation = PatternSet([
        #"\bno (?:concerns?|issues?|red flags?|doubts?|problems?|reservations?|question)\b"#, #"\bnever (?:lost|once|felt|struggled|got)\b"#,
        #"\bnothing wrong\b"#, #"\bhard to find weaknesses\b"#, #"\bat no point\b"#, #"\bnot once\b"#, #"\bnobody (?:on the panel )?(?:doubted|questioned)\b"#,
        #"\b(?:didn'?t|did not) (?:seem to )?have (?:any )?trouble\b"#, #"\bweren'?t lacking\b"#, #"\bwasn'?t lacking\b"#, #"\bnot lacking\b"#,
        #"\bwouldn'?t say\b.*\b(?:an? )?(?:issue|problem|concern|weakness)\b"#, #"\bnot a single\b.*\bconcerns?\b"#,
        #"\bno problem\b"#, #"\bweren'?t thrown\b"#, #"\bwasn'?t thrown\b"#, #"\bdidn'?t panic\b"#, #"\bnever lost\b"#,
        #"\bwithout (?:any )?(?:hesitation|difficulty)\b"#, #"\bthere was no question\b"#, #"\bany question over\b"#,
        #"\bnot (?:the|a) (?:weakest|problem|concern)\b"#, #"\bno shortage of\b"#,
    ])

    /// Boilerplate that says no without saying anything about the person.
    static let boilerplate = PatternSet([
        #"\b(?:decided|decision) (?:not )?to (?:proceed|progress|move forward|go) (?:with )?(?:other|another|different)\b"#,
        #"\bdecided not to (?:proceed|progress|take|move)\b"#, #"\bnot (?:be )?(?:proceed|progress|mov|tak)\w* (?:forward|ahead|further|your application|things further)\b"#,
        #"\bmov(?:e|ing) forward with (?:other|another|candidates)\b"#, #"\bother candidates\b"#, #"\bother applicants\b"#,
        #"\b(?:not|un)successful\b"#, #"\bregret\w*"#, #"\bnot (?:be )?(?:offering|inviting|extending|shortlist\w*)\b"#, #"\bwon'?t be\b"#,
        #"\bstrong field\b"#, #"\bstrength of the field\b"#, #"\bcompetitive\b"#, #"\bcalib(?:re|er)\b"#, #"\bmany (?:strong |qualified |excellent )?(?:applicants|applications|candidates)\b"#,
        #"\bmore closely match\w*"#, #"\bbetter (?:aligned|suited|match\w*)\b"#, #"\bnot quite what we'?re after\b"#, #"\bnot the right fit\b"#,
        #"\bkeep your (?:details|cv|résumé|resume) on file\b"#, #"\breapply\b"#, #"\bapply (?:again|for future)\b"#, #"\bclose second\b"#,
        #"\bdid nothing wrong\b"#, #"\bcame down to\b"#, #"\bpass for now\b"#, #"\bnot in your favou?r\b"#, #"\bbest of luck\b"#,
        #"\bnot (?:to )?proceed\b"#, #"\bon this occasion\b"#, #"\bunable to (?:offer|progress|take)\b"#, #"\bnot been shortlisted\b"#,
        #"\bfuture (?:vacancies|opportunities|endeavou?rs)\b"#, #"\bwish you (?:every|all the|the best)\b"#, #"\bnot to (?:progress|continue)\b"#,
        #"\bwe'?re gonna pass\b"#, #"\bnot moving forward\b"#, #"\btaking things further\b"#, #"\bat this (?:stage|time)\b"#,
        #"\boverall strength\b"#, #"\bsame criteria\b"#, #"\bdifficult (?:one|decision)\b"#, #"\bnot (?:a|the) match\b"#,
        #"\bexperience (?:more closely|that better)\b"#, #"\bthe requirements of (?:the|this)\b"#, #"\bnot to take (?:your application|things) further\b"#,
    ])
}

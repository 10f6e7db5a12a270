import NextYesCore

/// Stated reasons for a decision, as rejection categories. Order matters where one phrase could
/// read as two reasons: the more specific comes first and claims the sentence.
enum ReasonLexicon {
    static let rules: [(RejectionCategory, PatternSet)] = [
        (.internalCandidate, PatternSet([
            #"\binternal (?:paralegal|person|hire|colleague|team member|applicant|candidate|appointment)\b"#, #"\bpromot\w* one of our\b"#,
            #"\binternal(?:ly)? (?:candidate|hire|applicant|appointment|move|transfer|promotion)\b"#, #"\bpromot\w* from within\b"#,
            #"\bfilled internally\b"#, #"\bappointed internally\b"#, #"\bhired internally\b"#, #"\bsomeone (?:already )?(?:in|inside|within) the (?:company|team|organi[sz]ation|business)\b"#,
            #"\bexisting (?:member of staff|employee|team member)\b"#, #"\binternal(?:ly)?\b.*\b(?:role|position|candidate)\b"#, #"\bwent with an internal\b"#,
            #"\b(?:promot|appoint)\w*\b[^.]{0,30}\bfrom (?:within|the team|inside|the (?:support|sales|service)\b)"#, #"\binternal applicant\b"#, #"\bacting up\b"#,
            #"\bcovering the role\b"#,
        ])),
        (.hiringFreeze, PatternSet([
            #"\bfreeze on (?:all )?(?:new )?(?:hires|hiring|recruitment)\b"#,
            #"\bhiring freeze\b"#, #"\bfreez\w* (?:on )?(?:all )?(?:hiring|recruitment|headcount)\b"#, #"\brecruitment freeze\b"#,
            #"\bpaused (?:all )?(?:hiring|recruitment)\b"#, #"\bstopped (?:all )?hiring\b"#, #"\bheadcount (?:freeze|has been frozen)\b"#,
            #"\bfrozen (?:all )?(?:headcount|hiring|recruitment)\b"#, #"\b(?:headcount|hiring|recruitment) (?:is |has been )?frozen\b"#,
        ])),
        (.roleOnHold, PatternSet([
            #"\bpause hiring for\b"#,
            #"\bon hold\b"#, #"\b(?:role|position|post|vacancy|search|requisition|opening)\b[^.]{0,40}\b(?:paused|postponed|deferred|suspended)\b"#,
            #"\bpaus(?:e|ed|ing) (?:the|this) (?:role|search|position|recruitment|hiring)\b"#, #"\buntil further notice\b"#,
            #"\bon ice\b"#, #"\b(?:vacancy|role|position|search) is being (?:withdrawn|paused|reconsidered)\b"#, #"\breconsider(?:ed|ing)? the role\b"#,
        ])),
        (.roleChanged, PatternSet([
            #"\bre-?scoped\b"#, #"\b(?:role|position|job)\b[^.]{0,30}\b(?:has |have )?(?:changed|evolved|been redefined|been restructured)\b"#,
            #"\breorg\w*"#, #"\brestructur\w*"#, #"\bdifferent profile\b"#, #"\bredefin\w* the role\b"#, #"\bthe new role is\b"#,
            #"\bscope of the role\b"#, #"\brole (?:is|has become) (?:now )?(?:much )?(?:more|less)\b"#,
            #"\breshaped\b"#, #"\b(?:needs|need) to be more of\b"#,
        ])),
        (.budget, PatternSet([
            #"\bbudget(?:ary)? (?:constraints?|cuts?|reasons|pressures?|restrictions?)\b"#, #"\b(?:lost|lack of|no) (?:the )?(?:budget|funding)\b"#,
            #"\bfunding\b"#, #"\bfinancial (?:reasons|constraints)\b"#, #"\bcost[- ]cutting\b"#, #"\bno longer (?:have|has) the budget\b"#,
            #"\bbudget (?:was|has been|is) (?:cut|reduced|withdrawn|pulled)\b"#,
            #"\bcut (?:our|the) (?:headcount )?budget\b"#, #"\bheadcount budget\b"#, #"\bcut our (?:contract )?funding\b"#,
        ])),
        (.salaryMismatch, PatternSet([
            #"\bsalary (?:expectations?|requirements?|ask)\b"#, #"\b(?:pay|compensation|rate|remuneration) expectations?\b"#,
            #"\b(?:above|over|outside|beyond|exceed\w*) (?:the |our )?(?:top of the )?(?:salary |pay )?(?:budget(?:ed)? )?(?:range|band|budget)\b"#,
            #"\bsticking point was (?:the )?salary\b"#, #"\bsalary\b[^.]{0,60}\b(?:above|higher|over|outside|mismatch|gap|too high)\b"#,
            #"\bwhat you'?re looking for is\b[^.]{0,40}\bover\b"#,
            #"\bctc\b[^.]{0,40}\b(?:beyond|above|over|higher)\b"#, #"\b(?:expected|expectations?)\b[^.]{0,30}\b(?:beyond|above|over) (?:what|our|the)\b"#,
        ])),
        (.positionFilled, PatternSet([
            #"\b(?:position|role|vacancy|post|job)\b[^.]{0,25}\b(?:has been|was|is|is now|now|been|already) filled\b"#, #"\bfilled the (?:role|position|vacancy|post)\b"#,
            #"\b(?:we'?ve|we have|have now) appointed\b"#, #"\bappointed (?:someone|a candidate|another)\b"#, #"\boffer (?:has been |was )?accepted\b"#,
            #"\baccepted (?:an|our) offer\b"#, #"\bthe role (?:is|has been) taken\b"#,
        ])),
        (.moreExperiencedCandidate, PatternSet([
            #"\bother (?:shortlisted )?candidates had\b"#,
            #"\b(?:went|gone|going|go|decided|moved|moving|proceed\w*|offer\w*|appointed|hired|chose|selected|progress\w*)\b[^.]{0,30}\b(?:candidate|someone|applicant|person|one)s?\b[^.]{0,30}\b(?:with|who had|who has|whose)\b[^.]{0,30}\b(?:more|significantly more|greater|deeper|far more)\b[^.]{0,30}\b(?:experience|years)\b"#,
            #"\bmore years\b[^.]{0,40}\b(?:in|of|with)\b"#, #"\bsuccessful candidate (?:had|has|brings)\b[^.]{0,40}\b(?:more|greater|extensive|significantly)\b"#,
            #"\bgone with someone who has\b"#, #"\bwent with (?:a candidate|someone) (?:who|with)\b[^.]{0,60}\b(?:more|larger|bigger|longer)\b"#,
            #"\balready working at that level\b"#, #"\b(?:other )?finalists? (?:went|had|were)\b[^.]{0,30}\b(?:deeper|more)\b"#,
            #"\bmore (?:experienced|senior) (?:candidate|applicant|person)\b"#, #"\bwho has run a larger\b"#,
            #"\b(?:going|gone|went) with someone who has (?:run|done|led|managed)\b"#, #"\boffered it to someone with (?:deeper|more|greater)\b"#,
            #"\bsuccessful (?:applicant|candidate) has (?:led|run|managed|more)\b"#, #"\bsomeone (?:who has|with) (?:already )?(?:run|done|led)\b[^.]{0,30}\bbefore\b"#,
        ])),
        (.experienceLevel, PatternSet([
            #"\b(?:a bit|too|rather|quite) junior\b"#, #"\bstep down\b"#, #"\bhold your interest\b"#,
            #"\b(?:looking for|after|wanted|need|needed|want)\b[^.]{0,20}\bsomeone with (?:more|a bit more|significantly more|greater)\b[^.]{0,30}\bexperience\b"#,
            #"\b(?:not enough|insufficient|limited|lack of|more) (?:relevant |hands-on |direct |senior |management |leadership )?experience\b(?! in (?:the|this) (?:industry)? ?(?:to|so))"#,
            #"\btoo (?:junior|senior|experienced)\b"#, #"\bover-?qualified\b"#, #"\bunder-?qualified\b"#, #"\bbig (?:jump|step)\b"#, #"\bstepping up from\b"#,
            #"\bmore senior (?:role|level|profile)\b"#, #"\blevel of (?:the )?role\b"#, #"\bexperience requirement\b"#,
            #"\bmore junior than\b"#, #"\bstep too far\b"#, #"\bhaven'?t (?:yet )?(?:managed|line-managed|led) (?:people|anyone|a team)\b"#, #"\bnot yet line-managed\b"#,
            #"\bless experienced than\b"#,
        ])),
        (.skillsGap, PatternSet([
            #"\bneed(?:ed)? someone (?:who (?:already )?(?:knows|has)|with (?!more\b)[a-z]+ (?:[a-z]+ )?experience)\b"#, #"\byours is in\b"#,
            #"\bneed\w*\b[^.]{0,40}\b(?:knowledge|skills?|experience|expertise)\b[^.]{0,20}\bthan you (?:currently )?have\b"#, #"\bdeciding factor\b"#,
            #"\bweren'?t confident you'?d be productive\b"#, #"\bneeds? someone who can\b"#, #"\bskills? gaps?\b"#,
            #"\black\w* (?:the )?(?:required|necessary|key|core|essential) (?:skills?|qualifications?|certifications?|knowledge)\b"#,
            #"\b(?:missing|without) (?:the )?(?:required|necessary|essential) (?:skills?|qualifications?|certifications?|registration)\b"#,
            #"\bdon'?t (?:yet )?have (?:the )?(?:required|necessary) (?:skills?|experience with)\b"#, #"\bneed (?:strong|deeper|more) [a-z]+ (?:skills|knowledge)\b"#,
            #"\b(?:that'?s|which is|it'?s) a gap for you\b"#, #"\bwhich is most of the job\b"#, #"\bwhat tipped it\b"#,
        ])),
        (.interviewPerformance, PatternSet([
            #"\bbar wasn'?t met\b"#, #"\benough evidence against the criteria\b"#,
            #"\bbased on (?:your )?(?:performance|the interview|your interview)\b"#, #"\b(?:didn'?t|did not) (?:meet|reach|pass) the (?:bar|standard|threshold)\b"#,
            #"\b(?:didn'?t|did not) pass the\b"#, #"\b(?:assessment|test) (?:score|result)s?\b"#, #"\bperformance (?:at|in) the (?:assessment|interview|test)\b"#,
            #"\bwon'?t be (?:moving|progressing) you (?:on )?to the (?:next|final)\b"#, #"\bnot (?:be )?(?:moving|progressing) you (?:on )?to the (?:next|final)\b"#,
            #"\bso we won'?t be progressing you\b"#, #"\bbelow (?:the|our) (?:bar|threshold|standard)\b"#, #"\binterview performance\b"#,
            #"\bdecision came down to the interview\b"#, #"\bbased on the (?:written )?(?:exercise|test|assessment|task)\b"#, #"\bdidn'?t go well enough\b"#, #"\btrial (?:day|shift) didn'?t\b"#,
        ])),
        (.applicationMaterials, PatternSet([
            #"\b(?:didn'?t|did not|couldn'?t|unable to|weren'?t able to) shortlist\b"#, #"\bleft blank\b"#, #"\bcouldn'?t assess\b"#,
            #"\bcover letter\b[^.]{0,80}\b(?:unable|weren'?t able|not able|so we|didn'?t|did not|wrong|different)\b"#,
            #"\b(?:unable|weren'?t able|not able) to shortlist\b[^.]{0,60}\b(?:because|as)\b"#, #"\bmissing the (?:supporting statement|cover letter|portfolio)\b"#,
            #"\bsupporting statement\b"#,
            #"\bmissing (?:the )?personal statement\b"#, #"\bweren'?t able to shortlist\b"#, #"\b(?:cv|résumé|resume|application) (?:did not|didn'?t|does not|doesn'?t) (?:list|show|demonstrate|include|mention|address)\b[^.]{0,80}\b(?:so|unable|shortlist)\b"#,
            #"\bapplication (?:was )?(?:incomplete|missing)\b"#, #"\bnot (?:address|tailored to) the (?:person specification|criteria|role)\b"#,
        ])),
        (.cultureFit, PatternSet([
            #"\benvironment would (?:frustrate|not suit|not be right)\b"#,
            #"\bcultur(?:e|al)(?:ly)?\b"#,
            #"\benvironment would(?:n'?t| not) suit\b"#, #"\bwouldn'?t suit you\b"#, #"\bright match culturally\b"#, #"\bvalues (?:alignment|fit)\b"#, #"\bwouldn'?t (?:sit|fit) well with (?:our|the) (?:team|way)\b"#,
        ])),
        (.location, PatternSet([
            #"\bcommut\w*"#, #"\brelocat\w*"#, #"\b(?:your )?location\b"#, #"\btoo far\b"#, #"\bon-?site (?:requirement|presence)\b"#,
            #"\bdays? (?:a week )?in the office\b"#, #"\btime ?zones?\b"#, #"\bbased (?:in|closer to)\b"#, #"\bdistance\b"#,
            #"\bfully remote\b"#, #"\bon the (?:warehouse |shop |factory )?floor five days\b"#,
        ])),
        (.timing, PatternSet([
            #"\bavailability\b"#, #"\bstart within\b"#, #"\bnotice (?:period|runs)\b"#, #"\bkicks? off\b"#,
            #"\bstart date\b"#, #"\bnotice period\b"#, #"\btiming\b"#, #"\bin seat by\b"#, #"\bstart sooner\b"#, #"\bavailab(?:le|ility) (?:to start|from|date)\b"#,
            #"\bneed someone (?:to start|sooner|immediately)\b"#,
            #"\bweeks'? notice\b"#, #"\bmonths'? notice\b"#, #"\bnotice is\b"#, #"\bneed cover from\b"#,
        ])),
    ]

    /// Decisions or consequences: a reason word counts when the text ties it to the outcome.
    static let decisionContext = PatternSet([
        #"\b(?:not|won'?t|unable|weren'?t|decided|decision|so we|so i|therefore|because|which is why|sticking point|deciding|unsustainable|doesn'?t work|didn'?t work|isn'?t|wasn'?t|wouldn'?t|closing|close|reopen|paused|on hold|frozen|freeze|filled|appointed|went with|gone with|going with|move forward|moving forward|proceed|progress|shortlist|offer|sorry|unfortunately|afraid|regret|only|hesitation|the successful|rescoped|readvertised|promote|hire|hired|concern|match|stretched|after someone|looking for someone|needed someone|wanted someone|can'?t make it work|tipped it|hence|closing out|withdrawn|overqualified|too far|shame|but|above|beyond|exceed|well above|stop the process|frustrate)\b"#,
    ])

    /// Reasons that are about the role or the company rather than this candidate's answers: they
    /// count whenever they appear.
    static let alwaysStated: Set<RejectionCategory> = [.internalCandidate, .hiringFreeze, .roleOnHold, .roleChanged, .budget, .positionFilled]
}

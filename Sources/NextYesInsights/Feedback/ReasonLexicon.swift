import NextYesCore

/// Stated reasons for a decision, as rejection categories. Order matters where one phrase could
/// read as two reasons: the more specific comes first and claims the sentence.
enum ReasonLexicon {
    static let rules: [(RejectionCategory, PatternSet)] = [
        (.internalCandidate, PatternSet([
            #"\binternal (?:paralegal|person|hire|colleague|team member|applicant|candidate|appointment)\b"#, #"\bpromot\w* one of our\b"#,
            #"\binternal(?:ly)? (?:candidate|hire|applicant|appointment|move|transfer|promotion)\b"#, #"\bpromot\w* from within\b"#,
            #"\bfilled internally\b"#, #"\bappointed internally\b"#, #"\bhired internally\b"#, #"\bsomeone (?:already )?(?:in|inside|within) the (?:company|team|organi[sz]ation|business)\b"#,
            #"\bexisting (?:member of staff|employee|team member)\b"#, #"\binternal(?:ly)?\b(?! (?:re-?organi[sz]\w*|restructur\w*|review|process\w*|changes?|decisions?|polic\w*|systems?|audit|budget\w*|priorities))[^.]*\b(?:role|position|candidate)\b"#, #"\bwent with an internal\b"#,
            #"\b(?:promot|appoint)\w*\b[^.]{0,30}\bfrom (?:within|the team|inside|the (?:support|sales|service)\b)"#, #"\binternal applicant\b"#, #"\bacting up\b"#,
            #"\bcovering the role\b"#,
            #"\b(?:moving|moved|move|transferr\w*) someone (?:from|across|over|internally)\b"#, #"\binternal movement\b"#, #"\b(?:hire|hiring|recruit|recruiting|fill|filling) internally\b"#, #"\bpromot\w* from (?:our|the) (?:existing|current) (?:team|staff)\b"#, #"\bon secondment\b"#,
            #"\b(?:give|gave|given|giving|offered|offering) (?:it|the (?:role|job|post|position))\b[^.]{0,30}\b(?:current|existing) (?:team|staff)\b"#,
            #"\b(?:give|gave|given|giving|offered) (?:it|the (?:role|job|post|position)) to someone already\b"#,
            #"\bone of (?:the|our) (?:current|existing) (?:team members|staff|employees|colleagues)\b"#,
            #"\b(?:colleague|someone|somebody|person) already (?:in|on|at|with|working (?:in|on|at|for)) (?:the|our|this) (?:department|team|company|organi[sz]ation|business|staff|trust|council|unit|ward)\b"#,
            #"\bone of our own (?:staff|people|team|contractors|employees|colleagues|nurses|teachers|engineers)\b"#,
            #"\b(?:secondment|transfer|appointment|promotion) from within\b"#, #"\bfrom within (?:the|our) (?:council|trust|company|organi[sz]ation|department|team|business|group|school)\b"#,
        ])),
        (.hiringFreeze, PatternSet([
            #"\bfreeze on (?:all )?(?:new )?(?:hires|hiring|recruitment)\b"#,
            #"\bhiring freeze\b"#, #"\bfreez\w* (?:on )?(?:all )?(?:hiring|recruitment|headcount)\b"#, #"\brecruitment freeze\b"#,
            #"\bpaused (?:all )?(?:external |new )?(?:hiring|recruitment|recruiting)\b"#, #"\bstop (?:all )?(?:hiring|recruitment|recruiting)\b"#, #"\bstopped (?:all )?hiring\b"#, #"\bheadcount (?:freeze|has been frozen)\b"#,
            #"\bfrozen (?:all )?(?:headcount|hiring|recruitment)\b"#, #"\bfreeze on (?:all )?(?:external |new )?(?:hiring|hires|recruitment)\b"#, #"\bfreeze on (?:every|all|any) (?:[\w-]+ )?(?:post|role|vacanc\w+|position)s?\b"#,
            #"\bfreeze on (?:all |any )?(?:[\w-]+ )?(?:hiring|hires|recruitment|recruiting)\b"#,
            #"\bfroze(?:n)? (?:all )?(?:new |external )?(?:hiring|recruitment|headcount)\b"#, #"\b(?:headcount|hiring|recruitment) (?:is |has been )?frozen\b"#,
            #"\bfreez\w* (?:all )?(?:new |external )?(?:hires|recruits|appointments)\b"#, #"\b(?:recruitment|hiring) (?:pause|halt|moratorium|stop)\b"#,
            #"\b(?:put|placed|called) a (?:stop|halt|pause) (?:on|to) (?:all )?(?:new |external )?(?:recruitment|hiring|recruiting)\b"#,
            #"\b(?:are|is|were|we'?re) not hiring (?:any ?more|at the moment|this year|right now|for now)\b"#,
        ])),
        (.roleOnHold, PatternSet([
            #"\bpause hiring for\b"#,
            #"\bon hold\b"#, #"\b(?:role|position|post|vacancy|search|requisition|opening)\b[^.]{0,40}\b(?:paused|postponed|deferred|suspended)\b"#,
            #"\bpaus(?:e|ed|ing) (?:the|this) (?:role|search|position|recruitment|hiring)\b"#, #"\buntil further notice\b"#,
            #"\bon ice\b"#, #"\b(?:vacancy|role|position|search) is being (?:withdrawn|paused|reconsidered)\b"#, #"\breconsider(?:ed|ing)? the role\b"#,
            #"\breadvertis\w*"#, #"\bre-advertis\w*"#, #"\bpaus(?:e|ed|ing) (?:the |this )?(?:process|one|recruitment)\b"#, #"\b(?:held|kept) vacant\b"#,
            #"\b(?:recruitment|process|hiring) (?:is|has been|was) (?:paused|suspended|postponed)\b"#, #"\bcancell?ed for now\b"#, #"\b(?:on|to) pause\b"#,
            #"\bpostpon\w* (?:the |this )?(?:recruitment|hiring|search|process|role|vacancy|appointment)\b"#, #"\b(?:kept|put|placed|remains?) (?:on )?pending\b"#,
        ])),
        (.roleChanged, PatternSet([
            #"\bre-?scoped\b"#, #"\b(?:role|position|job)\b[^.]{0,30}\b(?:has |have )?(?:changed|evolved|been redefined|been restructured)\b"#,
            #"\bdifferent profile\b"#, #"\bredefin\w* the role\b"#, #"\bthe new role is\b"#,
            #"\bscope of the role\b"#, #"\brole (?:is|has become) (?:now )?(?:much )?(?:more|less)\b"#,
            #"\breshaped\b"#, #"\b(?:needs|need) to be more of\b"#,
            #"\b(?:role|position|post|job|vacancy)\b[^.]{0,40}\b(?:has been |have been |was |is being |is now )?(?:merged|split into|redesigned|rewritten|regraded|repurposed|turned into|converted (?:in)?to|reduced to)\b"#,
            #"\b(?:role|position|post|job)\b[^.]{0,30}\b(?:has become|is becoming|will become|now includes)\b"#,
            #"\bchang(?:e|ed|ing) (?:the|this) (?:role|post|position|job)\b[^.]{0,20}\b(?:to|from|into)\b"#,
            #"\b(?:different|new) (?:skill ?set|remit|spec|job description|job title)\b"#, #"\bscope has changed\b"#, #"\bmake (?:the|this) (?:role|post|position|job) (?:part-time|full-time|fixed-term|temporary|remote|permanent)\b"#,
            #"\b(?:changed|rewritten|revised) the (?:brief|spec|job description)\b"#, #"\b(?:role|job|post)\b[^.]{0,40}\b(?:doesn'?t|does not|no longer) exists?\b"#,
            #"\b(?:changed|widened|narrowed|reduced|expanded) the scope\b"#, #"\b(?:combin|merg)\w* (?:this|the) (?:role|post|position|job|vacancy) (?:with|into)\b"#,
            #"\b(?:rewritten|re-?written|readvertised|regraded) as (?:a|an)\b"#, #"\bwhen it reopens\b[^.]{0,30}\b(?:will be|it'?ll be)\b"#,
        ])),
        (.salaryMismatch, PatternSet([
            #"\bsalary (?:expectations?|requirements?|ask)\b"#, #"\b(?:pay|compensation|rate|remuneration) expectations?\b"#,
            #"\b(?:above|over|outside|beyond|exceed\w*) (?:the |our )?(?:top of the )?(?:approved |agreed |allocated |advertised |available |set |maximum )?(?:salary |pay )?(?:budget(?:ed)? )?(?:range|band|budget)\b"#,
            #"\bsticking point was (?:the )?salary\b"#, #"\b(?:came|comes|come|boiled|boils) down to (?:the |your )?(?:salary|pay|money|compensation|package|day rate|rate)\b"#, #"\bsalary\b[^.]{0,60}\b(?:above|higher|over|outside|mismatch|gap|too high)\b"#,
            #"\bwhat you'?re looking for is\b[^.]{0,40}\bover\b"#,
            #"\bctc\b[^.]{0,40}\b(?:beyond|above|over|higher)\b"#, #"\b(?:expected|expectations?)\b[^.]{0,45}\b(?:beyond|above|over) (?:what|our|the)\b"#,
            #"\b(?:pay|comp|compensation|package|cash|money|wage|rate you|hourly rate|day rate|your ask|what you'?re asking|you asked for|you'?re after|your expectation)\b[^.]{0,60}\b(?:more than (?:we|our|the|what|a|an)|above (?:what|our|the)|over what|outside (?:the|our)|beyond what|exceeds?|higher than (?:we|our|what))\b"#,
            #"\btoo far apart on (?:pay|salary|money|rate|compensation)\b"#, #"\b(?:can'?t|cannot|unable to) match (?:the|your) (?:day |hourly )?(?:rate|salary|expectations?|ask)\b"#,
            #"\b(?:ctc|salary|expectations?)\b[^.]{0,30}\bnot (?:matching|in line) with\b"#, #"\bthe ask was\b[^.]{0,30}\bmore than\b"#, #"\bcan'?t pay above\b"#, #"\bcan (?:only )?(?:pay|do|offer) (?:up to )?£?\$?€?\d"#,
            #"\bwouldn'?t consider (?:less|anything below|under)\b"#,
            #"\b(?:our|the) (?:salary |pay )?(?:ceiling|cap|top figure|maximum) (?:is|was)\b"#, #"\bnumbers (?:don'?t|didn'?t|do not|did not) work\b"#,
            #"\b(?:can'?t|cannot|could not|couldn'?t|unable to|not able to) (?:meet|match|reach|stretch to) (?:your|the) (?:expected |salary |pay )?(?:package|salary|expectations?|ask|rate|number|figure)\b"#,
            #"\b(?:can'?t|cannot|couldn'?t) stretch to what you\b"#, #"\b(?:only|main|real) (?:issue|reason|problem|blocker|sticking point) (?:was|is)\b[^.]{0,10}\b(?:the )?(?:money|salary|pay)\b"#, #"\bsticking point is (?:the )?(?:compensation|pay|money|salary)\b"#, #"\b(?:only issue|main blocker|the blocker|the problem) (?:was|is) (?:the )?(?:money|salary|pay)\b"#,
        ])),
        (.budget, PatternSet([
            #"\bbudget(?:ary)? (?:constraints?|cuts?|reasons|pressures?|restrictions?)\b"#, #"\b(?:lost|lack of|no) (?:the )?(?:budget|funding)\b"#,
            #"\bfunding\b"#, #"\bfinancial (?:reasons|constraints)\b"#, #"\bcost[- ]cutting\b"#, #"\bno longer (?:have|has) the budget\b"#,
            #"\bbudget (?:was|has been|is) (?:cut|reduced|withdrawn|pulled)\b"#,
            #"\bcut (?:our|the) (?:headcount )?budget\b"#, #"\bheadcount budget\b"#, #"\bcut our (?:contract )?funding\b"#,
            #"\b(?:pulled|withdrew|withdrawn|cut|lost|clawed back) the (?:budget|headcount|funding)\b"#, #"\bheadcount (?:was|has been) (?:taken away|cut|removed|withdrawn)\b"#,
            #"\bbudget (?:for|on) (?:the|this) (?:role|post|position)\b[^.]{0,30}\b(?:cut|reduced|withdrawn|pulled|gone)\b"#,
            #"\bbudget (?:for this year )?(?:was|has been) (?:cut|reduced)\b"#, #"\bno longer have the headcount\b"#, #"\bcan'?t afford\b"#,
            #"\bclawed back\b[^.]{0,20}\bheadcount\b"#,
            #"\bgrant\b[^.]{0,30}\b(?:cut|reduced|withdrawn|ended|pulled|slashed)\b"#, #"\bno longer afford\b"#, #"\b(?:took|taken|take|taking) (?:the )?headcount (?:back|away)\b"#,
            #"\bbudget\b[^.]{0,40}\b(?:has been|was|been|got) (?:withdrawn|pulled|cut|removed|frozen|slashed)\b"#, #"\bgrant\b[^.]{0,40}\b(?:hasn'?t|has not|wasn'?t|was not|not) (?:been )?(?:confirmed|renewed|approved)\b"#,
        ])),
        (.positionFilled, PatternSet([
            #"\b(?:position|role|vacancy|post|job)\b[^.]{0,25}\b(?:has been|was|is|is now|now|been|already) filled\b"#, #"\bfilled the (?:role|position|vacancy|post)\b"#,
            #"\b(?:we'?ve|we have|have now) appointed\b"#, #"\bappointed (?:someone|a candidate|another)\b"#, #"\boffer (?:has been |was )?accepted\b"#,
            #"\baccepted (?:an|our) offer\b"#, #"\bthe role (?:is|has been) taken\b"#,
            #"\b(?:offered the (?:role|job|post|position) to|made an offer to)\b[^.]{0,60}\b(?:has|have|they'?ve) accepted\b"#, #"\ban appointment has been made\b"#,
            #"\bsigned (?:their|the|his|her) contract\b"#, #"\b(?:role|position|post|job) is no longer open\b"#,
            #"\b(?:client|they|we|team) (?:has|have|had) filled\b"#, #"\b(?:post|role|position) has been accepted\b"#,
            #"\b(?:offered (?:it|the (?:role|job|post|position)) to)\b[^.]{0,40}\b(?:said yes|accepted|has accepted|signed)\b"#,
            #"\b(?:made|have made) an appointment to (?:this|the) (?:post|role|position)\b"#,
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
            #"\b(?:offered (?:it|the (?:role|job|post|position)) to|gone with|went with|going with|chose|chosen|appointed|hired|picked|selected|filled by|accepted by)\b[^.]{0,25}\b(?:someone|somebody|a candidate|another candidate|an applicant|another applicant|a colleague|a person|the person)\b[^.]{0,30}\b(?:who(?:'s| has| had|'d)? (?:already )?(?:done|run|led|managed|worked|built|been|spent|delivered)\b[^.]{0,60}\b(?:years?|seasons|decade|before|twice)\b|with (?:more|longer|deeper|greater|broader|considerably more|far more|much more|significantly more|\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several|many) (?:\w+ ){0,4}(?:years?|experience|expertise|time|background)\b)"#,
            #"\b(?:another|the other|other|our preferred|the preferred|the successful|the chosen) (?:applicant|candidate|finalist|person)s?\b[^.]{0,40}\b(?:had|has|have|went|brings|brought)\b[^.]{0,20}\b(?:more|deeper|longer|greater|broader|further|much deeper|far more|considerably more|significantly more)\b"#,
            #"\b(?:another|the other|other|our preferred|the preferred|the successful|the chosen) (?:applicant|candidate|finalist|person)s?\b[^.]{0,30}\b(?:had|has) (?:already )?(?:run|led|managed|built|done|worked|spent|delivered)\b"#,
            #"\b(?:the )?(?:person|candidate|applicant) (?:we(?:'ve| have)? )?(?:hired|picked|chose|chosen|selected|appointed|offered it to)\b[^.]{0,20}\b(?:has|had|brings)\b[^.]{0,40}\b(?:more|deeper|longer|greater|years?|decade|done exactly|already)\b"#,
            #"\bsomeone with (?:\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several|many) years\b[^.]{0,60}\b(?:chosen|selected|preferred|appointed|hired|was picked)\b"#,
            #"\bthe (?:person|candidate|applicant) who (?:accepted|was appointed|was hired|got the (?:job|role|post))\b[^.]{0,20}\b(?:had|has)\b[^.]{0,40}\b(?:experience|years)\b"#,
            #"\b(?:gone|went|going) with (?:an?|the) (?:more )?experienced\b"#,
            #"\b(?:someone|somebody|an? (?:applicant|candidate))\b[^.]{0,10}\bwith (?:a decade|decades|over a decade|\d+ years|(?:two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|several|many) years)\b[^.]{0,80}\b(?:went with|chose|picked|selected|appointed|hired|offered)\b"#,
            #"\b(?:selected|successful|chosen|preferred) (?:candidate|applicant|person)\b[^.]{0,20}\b(?:is having|has|had|brings)\b[^.]{0,20}\bmore (?:exposure|experience)\b"#,
            #"\b(?:the (?:guy|person|one|candidate)|someone) (?:we (?:went|gone) with|we picked|we chose)\b[^.]{0,30}\b(?:for (?:a|over a) decade|for (?:\d+|many|several) years)\b"#,
        ])),
        (.experienceLevel, PatternSet([
            #"\b(?:a bit|too|rather|quite) junior\b"#, #"\bstep down\b"#, #"\bhold your interest\b"#,
            #"\b(?:looking for|after|wanted|need|needed|want)\b[^.]{0,20}\bsomeone with (?:more|a bit more|significantly more|greater)\b[^.]{0,30}\bexperience\b"#,
            #"\b(?:not enough|insufficient|limited|lack of|more) (?:relevant |hands-on |direct |senior |management |leadership )?experience\b(?! in (?:the|this) (?:industry)? ?(?:to|so))"#,
            #"\btoo (?:junior|senior|experienced)\b"#, #"\bover-?qualified\b"#, #"\bunder-?qualified\b"#, #"\bbig (?:jump|step)\b"#, #"\bstepping up from\b"#,
            #"\bmore senior (?:role|level|profile)\b"#, #"\blevel of (?:the )?role\b"#, #"\bexperience requirement\b"#,
            #"\bmore junior than\b"#, #"\bstep too far\b"#, #"\bhaven'?t (?:yet )?(?:managed|line-managed|led) (?:people|anyone|a team)\b"#, #"\bnot yet line-managed\b"#,
            #"\bless experienced than\b"#,
            #"\b(?:minimum|at least|a minimum of|min\.?) (?:of )?(?:\d+|one|two|three|four|five|six|seven|eight|ten)\+? (?:years?|yrs)\b"#,
            #"\btoo (?:big|large|much of) a (?:step|jump|leap)\b"#, #"\bnot (?:quite |yet )?at (?:that|this|the required|the right) level\b"#, #"\b(?:below|beneath) your (?:level|experience)\b"#,
            #"\bseniority\b[^.]{0,30}\b(?:isn'?t|wasn'?t|not)\b"#, #"\bhaven'?t (?:yet )?line[- ]managed\b"#, #"\bnot (?:yet )?had the chance to (?:lead|manage)\b"#,
            #"\b(?:another|one more|a few more|a couple more|one or two more) (?:year|years)\b[^.]{0,40}\bbefore (?:stepping|moving|taking)\b"#, #"\bunder (?:their|your|his|her) belt\b"#,
            #"\bat (?:associate|junior|graduate|entry|trainee|assistant|class-teacher) level\b"#, #"\ba bit early for you\b"#, #"\bstretch for (?:you )?(?:now|right now)\b"#,
            #"\bwell below your\b"#, #"\b(?:it was|was) the level\b"#, #"\bearly[- ]career\b"#, #"\bearly in your career\b"#,
            #"\bexperience (?:falls|fell) short\b"#,
            #"\b(?:only|so far) (?:been )?an? individual contributor\b"#, #"\bbeen an individual contributor so far\b"#,
            #"\b(?:well |far )?above what the (?:job|role|post|position) (?:needs|requires|calls for)\b"#, #"\bneeds? (?:someone|somebody) at (?:a )?(?:more )?senior level\b"#,
            #"\bnot (?:quite |yet )?ready for (?:a |the )?(?:\w+ )?(?:role|position|step|level)\b"#,
        ])),
        (.skillsGap, PatternSet([
            #"\bneed(?:ed)? someone (?:who (?:already )?knows|who (?:already )?has (?:a |an |the )?(?:\w+ )?(?:qualification|licen[cs]e|certificat\w*|knowledge|skills?|experience (?:with|in|of))|with (?!more\b)[a-z]+ (?:[a-z]+ )?experience)\b"#, #"\byours is in\b"#,
            #"\bneed\w*\b[^.]{0,40}\b(?:knowledge|skills?|experience|expertise)\b[^.]{0,20}\bthan you (?:currently )?have\b"#, #"\bdeciding factor\b"#,
            #"\bweren'?t confident you'?d be productive\b"#, #"\bneeds? (?:someone|somebody|a \w+|\w+s) who can(?! start| begin| join| commit| work (?:on|from|in)| relocate| move| be based| commute| travel| come in(?:to)?| be (?:in|on))\b"#, #"\bskills? gaps?\b"#,
            #"\black\w* (?:the )?(?:required|necessary|key|core|essential) (?:skills?|qualifications?|certifications?|knowledge)\b"#,
            #"\b(?:missing|without) (?:the )?(?:required|necessary|essential) (?:skills?|qualifications?|certifications?|registration)\b"#,
            #"\bdon'?t (?:yet )?have (?:the )?(?:required|necessary) (?:skills?|experience with)\b"#, #"\bneed (?:strong|deeper|more) [a-z]+ (?:skills|knowledge)\b"#,
            #"\b(?:that'?s|which is|it'?s) a gap for you\b"#, #"\bwhich is most of the job\b"#, #"\bwhat tipped it\b"#,
            #"\bmust hold\b"#, #"\b(?:requires?|required|need|needs|after|looking for)\b[^.]{0,50}\b(?:licen[cs]e|certificat\w+|registration|registered with|card|qualification|qualified)\b[^.]{0,60}\b(?:you (?:don'?t|do not|haven'?t|have not|aren'?t|are not|lack)|yours (?:has|is|was)|you'?re not)\b"#,
            #"\bneeds? (?:a|an|someone|somebody) [^.]{0,40}\bwho (?:can|is) already\b"#, #"\bneeds? (?:that|this|it) from (?:day|week) one\b"#, #"\bwhich we need from (?:day|week) one\b"#,
            #"\b(?:requires?|needs?|essential|after|looking for)\b[^.]{0,80}\b(?:which you (?:haven'?t|have not|don'?t|do not|told us you haven'?t)|you (?:haven'?t|have not|don'?t|do not) (?:yet )?(?:have|hold|done|gained|covered))\b"#,
            #"\b(?:knowledge|understanding|skills?|grasp|experience) (?:of|in|with|at)\b[^.]{0,50}\b(?:too limited|isn'?t there|wasn'?t there|not (?:yet )?at the level|surface-level|too basic|still (?:pretty |quite )?basic|isn'?t where it needs)\b"#,
            #"\b(?:not|isn'?t|wasn'?t) (?:yet )?at the level we need\b"#,
            #"\bexposure (?:to|with)\b[^.]{0,30}\b(?:is |was )?(?:limited|minimal|too limited|not enough)\b"#, #"\byou'?ve not done\b[^.]{0,30}\bbefore\b"#, #"\bthat knowledge is essential\b"#,
        ])),
        (.interviewPerformance, PatternSet([
            #"\bbar wasn'?t met\b"#, #"\benough evidence against the criteria\b"#,
            #"\b(?:answers?|responses?|performance|solution)\b[^.]{0,15}\b(?:in|during|at|on) the (?:[\w-]+ ){0,3}(?:round|interview|stage|assessment|exercise|test|case study|task|presentation|screen)\b[^.]{0,30}\b(?:lacked|fell short|didn'?t|did not|weren'?t|wasn'?t|missed)\b"#,
            #"\bbased on (?:your )?(?:performance|the interview|your interview)\b"#, #"\b(?:didn'?t|did not) (?:meet|reach|pass) the (?:bar|standard|threshold)\b"#,
            #"\b(?:didn'?t|did not) pass the\b"#, #"\b(?:assessment|test) (?:score|result)s?\b"#, #"\bperformance (?:at|in) the (?:assessment|interview|test)\b"#,
            #"\bwon'?t be (?:moving|progressing) you (?:on )?to the (?:next|final)\b"#, #"\bnot (?:be )?(?:moving|progressing) you (?:on )?to the (?:next|final)\b"#,
            #"\bso we won'?t be progressing you\b"#, #"\bbelow (?:the|our) (?:bar|threshold|standard)\b"#, #"\binterview performance\b"#,
            #"\bdecision came down to the interview\b"#, #"\bbased on the (?:written )?(?:exercise|test|assessment|task)\b"#, #"\bdidn'?t go well enough\b"#, #"\btrial (?:day|shift) didn'?t\b"#,
            #"\bpass mark\b"#, #"\b(?:required|expected) standard\b"#, #"\bbelow (?:the )?threshold\b"#, #"\bwasn'?t strong enough for an offer\b"#,
            #"\b(?:interview|test|exercise|assessment|case study|practical|role-?play|trial shift|trial day|presentation|observed lesson|in-tray)\b[^.]{0,40}\b(?:deciding factor|decided it|what decided|cost you|marked it down|wasn'?t strong enough|was graded)\b"#,
            #"\b(?:that'?s|which is) (?:really |ultimately )?what cost you\b"#, #"\bwhy the panel didn'?t recommend\b"#, #"\bbased on your scores?\b"#,
            #"\b(?:test|score) came in at\b"#,
            #"\bbased on how (?:the|your) (?:\w+ )?(?:interview|test|assessment|presentation|exercise|trial)\b"#,
            #"\bscores?\b[^.]{0,60}\b(?:did not|didn'?t) (?:reach|meet)\b"#, #"\b(?:fell|falls|was|were) below the (?:threshold|bar|standard|pass mark|required)\b"#,
            #"\b(?:above|below|reach|meet|pass) (?:the |our )?(?:threshold|pass mark|benchmark)\b"#, #"\bscores?\b[^.]{0,40}\b(?:weren'?t|wasn'?t|not) high enough\b"#,
            #"\b(?:struggled|did poorly|didn'?t do well) (?:with|in|on) the (?:\w+ )?(?:test|exercise|assessment|task|case study|interview)\b[^.]{0,20}\bso\b"#,
        ])),
        (.applicationMaterials, PatternSet([
            #"\b(?:didn'?t|did not|couldn'?t|unable to|weren'?t able to) shortlist\b"#, #"\bleft blank\b"#, #"\bcouldn'?t assess\b"#,
            #"\bcover letter\b[^.]{0,80}\b(?:unable|weren'?t able|not able|so we|didn'?t|did not|wrong|different)\b"#,
            #"\b(?:unable|weren'?t able|not able) to shortlist\b[^.]{0,60}\b(?:because|as)\b"#, #"\bmissing the (?:supporting statement|cover letter|portfolio)\b"#,
            #"\bsupporting statement\b"#,
            #"\bmissing (?:the )?personal statement\b"#, #"\bweren'?t able to shortlist\b"#, #"\b(?:cv|résumé|resume|application) (?:did not|didn'?t|does not|doesn'?t) (?:list|show|demonstrate|include|mention|address)\b[^.]{0,80}\b(?:so|unable|shortlist)\b"#,
            #"\bapplication (?:was )?(?:incomplete|missing)\b"#, #"\bnot (?:address|tailored to) the (?:person specification|criteria|role)\b"#,
            #"\b(?:didn'?t|did not) receive the\b"#, #"\bafter the closing date\b"#, #"\b(?:link|file) was broken\b"#, #"\b(?:boxes|sections?|fields?) (?:of the form )?(?:were|was) (?:left )?(?:empty|blank|incomplete)\b"#,
            #"\bform (?:didn'?t|did not) address\b"#, #"\b(?:didn'?t|did not) (?:get|make it) through the sift\b"#, #"\bscreened out\b"#, #"\bsift threshold\b"#,
            #"\b(?:cv|cover letter|writing sample|portfolio|application answers)\b[^.]{0,80}\b(?:didn'?t make the shortlist|weren'?t shortlisted|the sift|couldn'?t include you)\b"#,
            #"\breason you weren'?t shortlisted\b"#, #"\bno cv\b"#,
        ])),
        (.cultureFit, PatternSet([
            #"\benvironment would (?:frustrate|not suit|not be right)\b"#,
            #"\bcultur(?:e|al)(?:ly)?\b"#,
            #"\benvironment would(?:n'?t| not) suit\b"#, #"\bwouldn'?t suit you\b"#, #"\bright match culturally\b"#, #"\bvalues (?:alignment|fit)\b"#, #"\bwouldn'?t (?:sit|fit) well with (?:our|the) (?:team|way)\b"#,
            #"\b(?:ethos|atmosphere|set-?up|way we (?:work|operate)|how we operate|working environment)\b[^.]{0,80}\b(?:would(?:n'?t| not) suit|right for you|uneasily|mismatch|frustrat\w*|hard)\b"#,
            #"\bsuit the way you (?:like to )?work\b"#, #"\bhappier somewhere\b"#, #"\bmismatch with how we\b"#, #"\bsat uneasily with\b"#,
            #"\byou'?d prefer a more\b[^.]{0,30}\bthan ours\b"#, #"\bwe look for people who enjoy\b"#,
            #"\b(?:don'?t|do not|didn'?t|not sure|doubt)\b[^.]{0,40}\b(?:environment|way of working|ways of working|set-?up|pace|atmosphere|culture)\b[^.]{0,30}\bwould suit\b"#,
            #"\bfind (?:our|the) pace frustrating\b"#,
            #"\benvironment\b[^.]{0,60}\b(?:you'?d|you would) (?:be|find it)\b[^.]{0,20}\bfrustrat\w*"#,
        ])),
        (.location, PatternSet([
            #"\bcommut\w*"#, #"\brelocat\w*"#, #"\b(?:your )?location\b"#, #"\b(?<!step )too far\b(?! apart| right now| for now| at this stage)"#, #"\bon-?site (?:requirement|presence)\b"#,
            #"\bdays? (?:a week )?in the office\b"#, #"\btime ?zones?\b"#, #"\bbased (?:in|closer to)\b"#, #"\bdistance\b"#,
            #"\bfully remote\b"#, #"\bon the (?:warehouse |shop |factory )?floor five days\b"#,
            #"\b(?:in|at) the (?:\w+ )?(?:office|site)\b[^.]{0,20}\b(?:\w+ )?days\b"#, #"\b(?:five|four|three|\d) days (?:a week |out of (?:five|\d) )?(?:on[- ]?site|in(?:-| )office|in the office)\b"#,
            #"\bon[- ]?site in\b"#, #"\b(?:fully|full-time) (?:in[- ]office|on[- ]?site)\b"#, #"\bbased at\b[^.]{0,40}\bfull-time\b"#,
            #"\b(?:don'?t|do not|can'?t|cannot) drive\b"#, #"\blive on-?site\b"#, #"\bno public transport\b"#, #"\b(?:hours?|minutes) away\b"#,
            #"\bwithin \d+ (?:minutes|miles|km)\b"#, #"\bno plans to move\b"#, #"\bmoving from\b[^.]{0,30}\b(?:isn'?t|not) possible\b"#, #"\bstaying remote\b"#,
            #"\bthe travel (?:involved|time)\b"#, #"\bwithin commuting distance\b"#, #"\bonly open to remote\b"#,
            #"\b(?:can'?t|cannot|can not) be done remotely\b"#, #"\brules? (?:it|this) out for you\b"#,
            #"\b(?:job|role|position|team|post) (?:has )?moved to\b"#,
        ])),
        (.timing, PatternSet([
            #"\bavailability\b"#, #"\bstart within\b"#, #"\bnotice (?:period|runs)\b"#, #"\bkicks? off\b"#,
            #"\bstart date\b"#, #"\bnotice period\b"#, #"\btiming\b"#, #"\bin seat by\b"#, #"\bstart sooner\b"#, #"\bavailab(?:le|ility) (?:to start|from|date)\b"#,
            #"\bneed someone (?:to start|sooner|immediately)\b"#,
            #"\bweeks'? notice\b"#, #"\bmonths'? notice\b"#, #"\bnotice is\b"#, #"\bneed cover from\b"#,
            #"\bcan'?t start until\b"#, #"\bearliest you can (?:begin|start)\b"#, #"\b(?:need|needs|needed) (?:someone|you|somebody) (?:in post|starting|in place)\b"#,
            #"\bdates? (?:just )?(?:don'?t|doesn'?t|won'?t|didn'?t) (?:work|line up)\b"#, #"\b\w+-(?:month|week) notice\b"#, #"\bmore than (?:the|we) (?:practice |team |business )?can wait\b"#,
            #"\btimeline\b[^.]{0,40}\b(?:moved|changed|brought forward)\b"#, #"\bneed to start by\b"#, #"\bstart by\b[^.]{0,30}\bline up\b"#,
            #"\b(?:need|needs|needed) (?:someone|somebody) (?:who can|to) (?:start|begin|join)\b"#,
        ])),
    ]

    /// Decisions or consequences: a reason word counts when the text ties it to the outcome.
    static let decisionContext = PatternSet([
        // "We thought you were a bit too junior for this level; maybe apply again in a year."
        #"\b(?:we|the panel|they|the team|the hiring manager) (?:thought|felt|found|considered|judged) (?:that )?you (?:were|are|would be)\b"#, #"\bapply again\b"#,
        // "Feedback from the panel: too junior for the role at this time." is the judgement itself.
        #"\btoo (?:junior|senior|inexperienced|experienced) for\b"#,
        #"\b(?:not|won'?t|unable|weren'?t|decided|decision|so we|so i|therefore|because|which is why|sticking point|deciding|unsustainable|doesn'?t work|didn'?t work|isn'?t|wasn'?t|wouldn'?t|closing|close|reopen|paused|on hold|frozen|freeze|filled|appointed|went with|gone with|going with|move forward|moving forward|proceed|progress|shortlist|offer|sorry|unfortunately|afraid|regret|only|hesitation|the successful|rescoped|readvertised|promote|hire|hired|concern|match|stretched|after someone|looking for someone|needed someone|wanted someone|need someone|needs someone|can'?t make it work|tipped it|hence|closing out|withdrawn|overqualified|too far|shame|but|above|beyond|exceed|well above|stop the process|frustrate|that'?s why|it'?s a no|a no (?:on|for) this|said no|the reason|main reason|blocker|the problem|the issue|rules? out|held us back|cost you|swung it|the edge|came down to|won'?t work|workable|can'?t|cannot|mismatch|not possible|isn'?t possible|too far apart|outside|ends here|no longer|closing|closed|sift|weighted|falls? short|fell short|don'?t think|would suit|wouldn'?t suit|couldn'?t|doubt|more than we|more than our|offered|chose|chosen|picked|selected|fell below|falls below|did not reach|didn'?t reach|too big a|too much of a)\b"#,
    ])

    /// Reasons that are about the role or the company rather than this candidate's answers: they
    /// count whenever they appear.
    static let alwaysStated: Set<RejectionCategory> = [.internalCandidate, .hiringFreeze, .roleOnHold, .roleChanged, .budget, .positionFilled]
}

extension ReasonLexicon {
    static let interviewPerformance = rules.first { $0.0 == .interviewPerformance }!.1

    /// "Candidates whose experience more closely matches our needs": the commonest boilerplate,
    /// which names no experience and no person, so it is no stated reason.
    static let closerMatch = PatternSet([
        #"\b(?:more|most) closely (?:match|matche[sd]|matching|aligns?|aligned|reflects?|fits?|meets?)\b"#, #"\b(?:better|closer) (?:match|fit|alignment)\b"#,
        #"\b(?:more|better|best) (?:aligned|suited)\b"#,
    ])
}

extension ReasonLexicon {
    /// Experience named concretely ("ten years in payroll", "has run a ward"), which a "closer
    /// match" beside it does not turn into boilerplate.
    static let concreteExperience = PatternSet([
        #"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:more )?years\b"#, #"\b(?:has|had) (?:already )?(?:run|led|managed|built|done|worked|spent|delivered)\b"#,
    ])
    private static let visa = PatternSet([
        #"\b(?:sponsor\w*|visas?|work permits?|right to work|work authori[sz]ation|h-?1b|arbeitserlaubnis|aufenthaltstitel|permis de travail|permiso de trabajo|werkvergunning|permesso di lavoro)\b"#,
    ])
    private static let unable = PatternSet([
        #"\b(?:can ?not|can'?t|unable|not able|aren'?t able|don'?t|do not|doesn'?t|does not|won'?t|will not|no longer|without|need|needs|require[sd]?|only|keine?n?|nicht|ne pouvons pas|pas en mesure|no podemos|kunnen (?:geen|niet)|non possiamo)\b"#,
    ])

    /// A refused visa or permit ("we can not sponsor a work permit for non-EU candidates", "you
    /// would need an H-1B transfer which we don't support"): a stated reason, never boilerplate.
    /// The feedback guideline gives it no reason id; the e-mail guideline reads it as location.
    static func refusesAPermit(_ sentence: String) -> Bool {
        visa.contains(sentence) && unable.contains(sentence)
    }
}

/// The phrasings each thinking trap tends to take in job-search self-talk. Written from the
/// development sets in data/thinking-traps (dev and dev2); the test set is kept for measuring.
enum TrapLexicon {
    /// One employer's silence, in the past: "I never got a reply from Siemens", "never heard back from them".
    static let oneEmployersSilence = PatternSet([
        #"\bnever (?:got|heard|received|had)\b[^.!?]{0,25}\b(?:from|back from) (?:them|him|her|that (?:one|company|recruiter|agency)|this (?:one|company|recruiter)|the (?:company|recruiter|agency|hiring manager|panel)|(?-i:[A-Z][\w&'-]+))"#,
        #"^\W*(?:i )?never (?:got|heard|received) (?:a |any )?(?:reply|response|answer|word|feedback)\W*$"#,
    ])
    /// Words that make it a rule about everyone: "never heard back from any of them", "from anyone".
    static let universal = PatternSet([
        #"\b(?:any|anyone|anybody|anywhere|everyone|everybody|nobody|no one|all|always|every|companies|employers|recruiters|ever|everywhere|single|of them)\b"#,
    ])

    static let selfLabel = #"(?:screw-up|screwup|bum|incompetent|weak|thick|dim|lazy|washed up|washed-up|massive disappointment|failure|idiot|loser|fraud|joke|burden|disappointment|mess|waste of space|nobody|embarrassment|moron|fake|impost[eo]r|useless|worthless|hopeless|pathetic|stupid|unemployable|unhireable|damaged goods|dinosaur|has-been|write-off|disgrace|clown|muppet|drongo|wreck|nothing|no good|walking jinx|jinx|dud|lost cause|liability|parasite|sponger|waste)"#

    /// "I'm not a failure", "I am no loser", "it's not the end of the world": a label or a
    /// catastrophe the person denies, which is not the trap.
    static let deniedLabel = PatternSet([
        #"\b(?:i'?m|i am|im)\s+(?:not|no|never|not just|no longer)\s+(?:a |an )?(?:total |complete |absolute |utter )?"# + selfLabel + #"\b"#,
        #"\b(?:(?:it'?s|it is|that'?s|that is|this is)\s+not|(?:it|that|this)\s+isn'?t)\s+(?:really\s+)?(?:the end of the world|the end of (?:my|the) (?:career|search|road)|a (?:disaster|catastrophe)|the end)\b"#,
    ])

    static let patterns: [(ThinkingTrap, PatternSet)] = [
        (.labeling, PatternSet([
            #"\bpathetic excuse\b"#, #"\bthat'?s (?:what|all) i am\b"#, #"^\s*(?:what an? |such an? |total |complete )?(?:moron|idiot|loser|failure|useless|pathetic|unemployable|worthless|joke)\b"#,
            #"\bi'?m (?:so |such |a |an |just |really |totally |completely |massive |complete |total |utterly |)*(?:incompetent|weak|a screw-?up|a bum|a lazy bum|a massive disappointment|a disappointment|thick|dim|washed[- ]up)\b"#,
            #"\bi'?m not (?:good|smart|clever|capable) enough\b(?!.*\bfor (?:this|that) (?:particular )?(?:role|job))"#,
            #"\bfeel(?:s)? like (?:a |an )?(?:total |complete )?"# + selfLabel + #"\b[^.]{0,25}\b(?:so i must be|so i am|so i probably am|which means i am|so i'?m)\b"#,
            #"\bi feel (?:so )?(?:stupid|useless|worthless|hopeless|pathetic)\b[^.]{0,15}\bso i must be\b"#,
            #"\bi'?m (?:such |just |a |an |totally |completely |really )*(?:total |complete |absolute |utter |walking |proper |useless |pathetic )?"# + selfLabel + #"\b"#,
            #"\bi am (?:such |just |a |an )*(?:total |complete |absolute |utter )?"# + selfLabel + #"\b"#,
            #"\bwhat a (?:total |complete )?(?:joke|failure|loser|useless person|idiot|mess|waste|fraud)\b(?: (?:i am|i'?m|i'?ve (?:turned|become)))?"#,
            #"\b(?:proper |total |complete |absolute )?(?:muppet|drongo|idiot|loser|failure|has-been)\b[^.]{0,15}\b(?:i am|that'?s me)\b"#,
            #"\bnot employable material\b"#, #"\bi'?m (?:just )?not (?:good|smart|clever|capable) enough\b(?! for (?:this|that) (?:role|job|team))"#,
            #"\bim (?:a |an |such a |just a )?"# + selfLabel + #"\b"#, #"\bi'?m a (?:total |complete )?has-been\b"#, #"\ba total has-been\b"#,
            #"\b(?:i'?m|i am) (?:so |too )?(?:stupid|useless|worthless|pathetic|hopeless)\b"#,
        ])),
        (.overgeneralizing, PatternSet([
            #"\bas usual\b"#, #"\bever makes? (?:a|any) difference\b"#, #"\bevery (?:single )?time\b(?![^.]{0,20}\b(?:i (?:prepare|practise|practice|check|remember)))"#, #"\bsame (?:story|thing|old story|result|way)\b[^.]{0,30}\bevery\b"#,
            #"\bevery (?:\w+ )?(?:i|that i) (?:go to|join|apply (?:for|to)|try|get|send)\b[^.]{0,40}\b(?:ends?|gets?|goes|turns?|same|cut|wrong|no|silence|nowhere)\w*"#,
            #"\bi always (?:say|do|get|end up|make|pick|choose|blank|panic|ramble|forget)\b[^.]{0,25}\b(?:wrong|bad|worst|mistake|no|stupid|nothing|cut|rejected)\w*"#,
            #"\b(?:interviewers|recruiters|employers|companies|managers|hiring teams) (?:always|never)\b"#, #"\bthis happens every\b"#, #"\beveryone gets \w+ before me\b"#,
            #"\bnothing (?:i (?:try|do|send))? ?ever\b"#,
            #"\b(?:always|never)\b[^.]{0,15}\b(?:mess|screw|blow|fail|get rejected|get ghosted|get past|get (?:a |an )?(?:callback|call back|reply|interview|offer)|hear back|work out|goes? my way|choose me|picks? me)\w*"#,
            #"\b(?:nobody|no one|no-one|noone)\b[^.]{0,20}\b(?:ever|hires?|wants?|will (?:ever )?(?:hire|want|take|call))\b"#,
            #"\bevery (?:company|employer|recruiter|job|interview|application|time)\b[^.]{0,25}\b(?:ghosts?|rejects?|ignores?|says? no|turns? me down|goes wrong|passes? on me)\b"#,
            #"\b(?:i'?ll|i will|i'?m|i am) never (?:going to )?(?:get|find|be|land|make|work|have|hear)\b"#, #"\bi never (?:get|actually do|do well|make it|hear back|win)\b"#,
            #"\bnever get past\b"#, #"\bnothing (?:ever|good ever) (?:works|goes|happens)\b"#, #"\bstory of my (?:\w+ )?life\b"#, #"\bsame old\b"#,
            #"\b(?:this|it) always (?:happens|goes)\b"#, #"\bhow it always goes\b"#, #"\balways happens to me\b"#,
            #"\b(?:recruiters|employers|companies|everyone|everybody|nobody|no one|no-one|people|hiring managers) (?:always|never)\b"#,
            #"\b(?:nobody|no one|no-one|not one person)\b[^.]{0,30}\b(?:ever|wants?|hires?|takes?|calls?|rings?|gets? back|cares?|will)\b"#,
            #"\bevery (?:single )?(?:time|company|employer|recruiter|application|interview|one of them)\b[^.]{0,40}\b(?:reject|rejects|no|ignore|ignores|turn|go with someone else|goes wrong|fail)\w*"#,
            #"\bi always (?:freeze|mess|blow|screw|fail|choke|ruin|get rejected|get ghosted|come second|stumble)\w*"#, #"\b(?:not|never) (?:once|ever)\b[^.]{0,10}\bnot ever\b"#,
            #"\b(?:always|never) (?:do|does) this to me\b"#, #"\beveryone rejects me\b"#, #"\bit'?s the same everywhere\b"#, #"\bnothing ever\b"#,
            #"\b(?:mine|my (?:cv|applications?)) never\b"#,
            #"\b(?:proves?|proved|shows?|showed|means) (?:that )?(?:i'?m|i am) (?:just |clearly |obviously |simply )?not (?:cut out|made|meant|built) for\b"#, #"\bnobody (?:\w+ )?(?:seriously|wants)\b"#, #"\bever\.?$"#, #"\bever\b(?=,? (?:full stop|period))"#,
        ])),
        (.fortuneTelling, PatternSet([
            #"\bbet (?:i|they|she|he|you|it)\b"#, #"\bcalling it now\b"#, #"(?<!i'll )(?<!i will )(?<!we'll )\bwait and see\b"#, #"\bi'?m (?:sure|certain) of it\b"#, #"\bmark my words\b"#, #"\byou'?ll see\b"#,
            #"\b(?:she|he|they|it|the \w+(?: \w+)?|my \w+(?: \w+)?)\s+(?:won'?t|will not|isn'?t going to|aren'?t going to|'re not going to|'s not going to|are not going to|is not going to)\s+(?:\w+\s+){0,2}(?:me|my|hire|like|call|renew|give|offer|pick|choose|accept)\b"#,
            #"\b(?:she|he|they|it|the \w+(?: \w+)?|my \w+(?: \w+)?)(?:'ll| will|'?s going to|'?re going to| is going to| are going to| is gonna| are gonna)\s+(?:definitely |probably |just |obviously |surely )?(?:reject|refuse|ghost|pass on|lower|expose|sack|fire|drop|cut|turn (?:me )?down|knock|see through|let me go|get refused|get rejected|go with someone else|ring and say|say no|find out|ask about|be refused)\w*"#,
            #"\bwon'?t go well\b"#, #"\bi'?ll have nothing to say\b"#, #"\bgoing to get (?:refused|rejected|turned down)\b"#, #"\bwill (?:expose|reject|refuse) me\b"#,
            #"\b(?:they'?re|they are|she'?s|he'?s|it'?s|this is|that'?s|the panel (?:is|are)|everybody is|everyone is|they'?ll|they will|the panel will|it'?ll|it will|this will|the (?:\w+ )?(?:check|reference|referee|agency|interview|panel|offer|assessment)\b[^.]{0,20}\b(?:will|is|'s|are))\s*(?:\w+ )?(?:definitely |obviously |probably |just )?(?:going to |gonna )?(?:reject|say no|go (?:badly|wrong)|turn me down|knock me back|fail|sink|pick someone else|give it to|see (?:straight |right )?through|find out|rescind|pull|move on|go with|laugh|bin|not (?:put|call|hire)|turn (?:something )?up|put me forward|say something)\w*"#,
            #"\b(?:i'?m|i am) (?:definitely |obviously |just )?(?:going to |gonna )(?:fail|bomb|blow it|mess (?:it )?up|be (?:rejected|a mess)|get rejected|choke|flunk|freeze|screw)\w*(?! sometimes)"#,
            #"\bi(?:'ll| will) (?:definitely |obviously )?(?:bomb|fail|mess (?:it )?up|blow it|choke|flunk|freeze|screw it up)\b"#,
            #"\bi (?:won'?t|will not) (?:pass|get|find|make it|be able to|land|hear back|get a reply|manage|cope|keep up)\b"#,
            #"\bthere'?s no way (?:they'?ll|they will|i'?ll|i will|i get|i'?m getting)\b"#, #"\bno chance\b"#,
            #"\b(?:will|'ll) (?:go badly|go wrong|get pulled|sink me|fall through|be a disaster|be rejected|rescind|pull the offer)\b"#,
            #"\bi (?:just )?know (?:it'?s|it will|it'?ll|they'?ll|they will|i'?ll|i will|this will|the)\b[^.]{0,40}\b(?:badly|wrong|reject|fail|no|bomb|mess)\w*"#,
            #"\bdefinitely (?:going to |gonna )?(?:get it|reject|say no|mess)\b"#, #"\bbet (?:you anything|the|they|it)\b"#, #"\bwatch\.?$"#,
            #"\bnot even going to get\b"#, #"\bi can tell already\b"#, #"\bguaranteed\.?$"#, #"\bfor sure\b"#, #"\bi'?m certain of it\b"#,
            #"\bwon'?t (?:either|call|hire|take me|put me)\b"#, #"\bnot getting (?:past|through|the)\b"#, #"\bthey'?ll (?:\w+ )?(?:reject|say no|knock|see|pull|move|rescind|go|pick)\w*"#,
            #"\bit'?s going to go badly\b"#, #"\b(?:is|are) going to find out\b"#, #"\bi won'?t (?:pass|get|find)\b"#,
            #"\bi(?:'ll| will| would) (?:just |only |probably |definitely |obviously |surely )?(?:get|be) (?:rejected|turned down|ghosted|ignored|binned|knocked back)\b"#,
        ])),
        (.mindReading, PatternSet([
            #"\b(?:obviously|clearly|definitely|must be|must have been|was so)\s+(?:unimpressed|bored|annoyed|disgusted|ashamed|embarrassed|relieved|not interested|uninterested|judging)\b"#,
            #"\b(?:ashamed|embarrassed|disappointed|sick|tired|fed up) (?:of|with|in) me\b"#, #"\b(?:relieved|glad|happy) (?:that )?i (?:got|was|left)\b"#, #"\bwritten me off\b"#, #"\bnot interested in me\b"#,
            #"\bthink 'too\b"#, #"\bwon'?t say it out loud\b"#,
            #"\b(?:they|he|she|everyone|everybody|people|nobody|the \w+(?: \w+)?|my \w+(?: \w+)?|his|her|their|all|both|anyone)\s+(?:\w+\s+){0,2}(?:must|probably|clearly|obviously|definitely|secretly|all|both|just|already|totally|really)?\s*(?:think|thinks|thought|reckon|reckons|believe|believes|believed|judge|judges|judged|pity|pities|pitied|hate|hates|hated|despise|despised|look down on|looked down on|see through|saw through|noticed|knew|know|could tell|can tell|could see|can see|decided|figured|assumed|assume|found|finds)\b[^.]{0,40}\b(?:i'?m|i was|me|my|i'?ve|i have|i got|i'?d|i am|i'?ll|i wasn'?t|i'?m not|i couldn'?t|i didn'?t)\b"#,
            #"\b(?:didn'?t|did not|don'?t|doesn'?t) (?:like|rate|trust|want|respect|believe) me\b"#, #"\b(?:couldn'?t|could not) stand me\b"#, #"\bthink(?:s)? i'?m (?:too|a|an|not|just|so|lazy|useless|desperate|past it|old|stupid|thick|incompetent)\b"#,
            #"\bi could tell (?:she|he|they|the \w+)\b[^.]{0,40}\b(?:didn'?t|hated|thought|wasn'?t|was bored|were bored|disliked|wanted)\b"#, #"\b(?:feel|felt) sorry for me\b"#, #"\bpit(?:y|ies|ied) me\b"#,
            #"\b(?:they|he|she|the (?:interviewer|panel|recruiter|hiring manager|team|manager|receptionist|committee|employer)s?|everyone|everybody|people|my \w+(?:[- ]\w+)?|the (?:other|younger|whole) \w+|recruiters|employers|the grad scheme people|my old colleagues|my mates|my in-laws)\b[^.,]{0,25}\b(?:must|probably|clearly|definitely|obviously|secretly)? ?(?:think|thinks|thought|reckon|reckons|see|saw|sees|hated|hate|hates|despise|judge|judged|laughing|wrote me off|could see|could tell|must think)\b[^.]{0,40}\b(?:i'?m|i was|me|my|i'?ve|i have|i got|i'?d)\b"#,
            #"\b(?:must|probably|clearly|obviously|secretly) (?:think|thinks|thought|hated|hate|see|sees|despise)\b"#, #"\bhated me\b"#,
            #"\b(?:laughing|judging) (?:at )?me\b"#, #"\b(?:could|can) see it (?:on|in) (?:their|his|her) faces?\b"#, #"\bwas bored by\b"#,
            #"\b(?:they|he|she) (?:see|saw|sees) me as\b"#, #"\bthought less of me\b"#, #"\bwrote me off\b"#, #"\bcouldn'?t wait to get rid of me\b"#,
            #"\bthey both think\b"#, #"\bout of (?:pity|sympathy)\b"#,
            #"\b(?:she|he|they|it)(?:'s|'re|'ve| has| have| is| are) (?:probably |clearly |obviously |definitely |already |just |all )*(?:decided|made up (?:her|his|their) minds?) (?:against me|not to|that i|i'?m|to (?:pass|reject|go with))"#,
            #"\bif (?:they|she|he|the (?:recruiter|company|panel|team|hiring manager))(?:'d| had| really) (?:really )?(?:wanted|liked|rated|been interested in) me\b"#, #"\bfelt sorry for me\b"#, #"\bdidn'?t mean it\b"#,
        ])),
        (.catastrophizing, PatternSet([
            #"\b(?:it'?s|its) (?:all )?over for (?:me|us)\b"#, #"\bor (?:else )?(?:it'?s|it is|that'?s|i'?m|i am) (?:all )?(?:over|finished|done for|the end)\b"#, #"\bgame over\b"#, #"\bbankrupt\b"#, #"\b(?:won'?t|will not|wouldn'?t) survive\b"#, #"\bwreck (?:any|every|my|our)\b"#,
            #"\b(?:falls?|falling) apart\b"#, #"\bwe'?re ruined\b"#, #"\bno future\b"#, #"\bmy whole life\b[^.]{0,20}\b(?:falls|ruined|over)\b"#,
            #"\b(?:my|our|the) (?:\w+ ){0,3}(?:career|life|lives|future|twenties|thirties|forties|reputation|family|chances|prospects|finances)\b[^.]{0,30}\b(?:over|ruined|destroyed|finished|wrecked|gone(?! nowhere)|done|doomed|toast|in ruins)\b"#,
            #"\bi'?(?:m|ll be) (?:done for|doomed|finished|ruined|screwed)\b"#, #"\bnever recover\b"#, #"\b(?:worst|most terrible) thing (?:that could|ever)\b"#, #"\beverything (?:is|will be) (?:falling apart|ruined|over)\b"#,
            #"\b(?:lose|losing|lost) (?:my|our|the) (?:house|home|flat|everything|mind)\b"#, #"\bhomeless\b"#, #"\bnever work (?:again|in this)\b"#, #"\bunemployable forever\b"#,
            #"\bfinancially ruined\b"#, #"\bwe'?ll (?:never|lose|be)\b[^.]{0,30}\b(?:ruined|homeless|destitute|bankrupt|everything)\b"#, #"\bthe end\.?$"#,
            #"\bmy (?:career|life|reputation|future|twenties|thirties|chances)(?:'s| is| are| has been| will be)? (?:\w+ )?(?:over|ruined|destroyed|finished|wrecked|gone|done)\b"#,
            #"\bi'?m (?:finished|ruined|done for)\b"#, #"\bno coming back\b"#, #"\b(?:lose|lost|losing) everything\b"#, #"\bend up (?:homeless|on the street|broke|destitute|alone|in a bedsit)\b"#,
            #"\b(?:ruin|ruined|destroy|destroyed|wreck|wrecked|finish|finished)\w* (?:everything|my life|my career|our lives|my twenties|my future)\b"#, #"\bdisaster\b"#, #"\bcatastroph\w*"#,
            #"\buntil i die\b"#, #"\bfor the rest of my life\b"#, #"\bthe end of (?:the world|everything|my career|me)\b"#, #"\b(?:lose|losing) the (?:house|flat|home)\b"#,
            #"\b(?:kids|family|children) will suffer\b"#, #"\bdead[- ]end\b(?! (?:job|role|position|jobs|roles|project|projects|street|road|lead|leads|task|ticket|branch)\b)"#, #"\bnever recover\b"#, #"\bmy life is over\b"#, #"\bdie alone\b"#, #"\bdestitute\b"#,
            #"\bblacklisted\b"#, #"\bbankruptcy\b"#, #"\bfinished for good\b"#, #"\bcareer[^.]{0,20}\bfinished\b"#, #"\bwhole future(?:'s| is) (?:ruined|gone)\b"#, #"\bentire future is gone\b"#,
            #"\bruin everything\b"#, #"\bwe'?re going to lose\b"#, #"\bpoor for the rest\b"#, #"\bdestroyed\b"#, #"\bon the street\b"#,
        ])),
        (.personalizing, PatternSet([
            #"\bblame myself\b"#, #"\bit'?s me,\b"#, #"\b(?:must|must'?ve|must of|must have) been me\b"#, #"\bwhat did i do wrong\b"#, #"\bi feel responsible\b"#, #"\bsomething about me\b"#,
            #"\bon me somehow\b"#, #"\bmy (?:emails?|messages?|calls?|work|application)\b[^.]{0,25}\b(?:stressed|upset|got it cancelled|cancelled|caused|put (?:them|her|him) off)\b"#,
            #"\btook a chance on me\b"#, #"\bput them off\b"#, #"\bit was my (?:work|fault|doing)\b"#,
            #"\b(?:froze|frozen|freeze|cut|cuts|cancel(?:led|ed)?|scrapp?ed|restructur\w*|redundan\w*|laid off|layoffs?|merger|went bust|folded|went under|lost (?:its |their )?funding|crashed|market|economy|pushed back|paused|pulled (?:out|the)|quit|resigned|left|mood|stressed|upset|missed the deadline|delayed|closed|shut down|downsiz\w*|recession|dropped)\b[^.]{0,80}\b(?:because of me|my fault|on me|down to me|i (?:must have|probably|definitely) (?:caused|done|did|said)|something i (?:said|did)|i caused|i jinxed|jinx|bad luck|because i (?:wasn'?t|didn'?t|am|was|'m)|i'?m to blame|blame myself)\b"#,
            #"\b(?:because of me|my fault|down to me|i caused|i'?m to blame)\b[^.]{0,60}\b(?:froze|frozen|freeze|cut|cancel\w*|scrap\w*|restructur\w*|redundan\w*|laid off|layoffs?|merger|market|economy|paused|pulled|quit|closed|delayed)\b"#,
            #"\bi must have done something wrong\b"#, #"\bi feel like it'?s because i\b"#,
            #"\b(?:my|all my) fault\b"#, #"\b(?:that'?s|it'?s|that is) (?:all )?on me\b"#,
            #"\bbrought bad luck\b"#, #"\bjinx\w*"#, #"\bif i'?d been (?:a )?better\b"#, #"\bmust be because of me\b"#, #"\bdown to me\b"#,
            #"\bi must have caused\b"#, #"\bsomething i said\b"#, #"\bbecause my application wasn'?t\b"#, #"\bbecause of me\b"#, #"\bi wasn'?t worth keeping\b"#,
            #"\bcan'?t help thinking that'?s down to me\b"#, #"\bsomehow that'?s on me\b"#, #"\bi'?m convinced it'?s my fault\b"#,
            #"\bafter meeting me\b"#, #"\bwouldn'?t have (?:paused|cancelled|frozen|scrapped)\b"#, #"\bi didn'?t work hard enough to save\b"#,
        ])),
        (.shouldStatements, PatternSet([
            #"\bi (?:should|must(?! be\b)(?! have\b)|need to|have to|'?m supposed to|am supposed to|ought to)\b[^.]{0,50}\b(?:every|always|at all times|no matter what|whatever i'?m offered|already|the top|the best|the one who|any mistakes|able to cope|be hired at|stop being)\b"#,
            #"\bi'?m not allowed to\b"#, #"\b(?:people|someone|women|men) (?:my|of my) age (?:shouldn'?t|should|must)\b"#, #"\bshouldn'?t still\b"#, #"\bno right to\b"#, #"\bi must have an? \w+ (?:before|by)\b"#,
            #"\b(?:has|have|needs?) to be (?:flawless|perfect|100%|the best)\b"#, #"\bshould(?: have|'?ve) (?:seen|known|been|done|got|had|stayed|left|listened|realised|realized)\b"#,
            #"\bi (?:should|must|ought to|have to) (?:be|have|get|land|find)\b[^.]{0,30}\b(?:by now|already|at my age|by (?:\d+|thirty|forty|fifty))\b"#,
            #"\b(?:i|we) (?:really )?(?:should|shouldn'?t|should'?ve|should have|must|mustn'?t|ought to|ought not|have to|'?m supposed to|am supposed to|'?m meant to|am meant to)\b[^.]{0,60}\b(?:by now|already|at my age|at (?:\d{2}|this age)|no exceptions|no excuses|every (?:single )?(?:room|question|time)|never|always|perfect|flawless|without|grateful for any|not even think|the strongest|settled|sorted|further along|over this|manage all|a job by|within the hour|prove|provide|instead of|proper|this month|walk into)\b"#,
            #"\bshould (?:have|'ve) (?:a job|been|known|got|seen|done|left|stayed|listened)\b"#, #"\bshouldn'?t (?:have|need|feel|be)\b"#, #"\bshould never have\b"#,
            #"\bought to (?:be|have)\b[^.]{0,40}\b(?:by now|already|before|at my age)\b"#, #"\bby now i ought\b"#, #"\bi'?m supposed to\b[^.]{0,30}\b(?:by now|settled|sorted|at \d+)\b"#,
            #"\bi'?m supposed to have\b"#, #"\ba (?:proper|real|capable) (?:\w+ )?(?:dad|mum|man|woman|adult|professional)\b[^.]{0,40}\b(?:should|must|provides?)\b"#,
            #"\bi (?:should|must) be (?:doing|getting|able|grateful|further|over|better)\b"#, #"\bi must never\b"#, #"\bi have to be the\b"#, #"\bi have to nail\b"#,
            #"\bwhat'?s wrong with me\b"#, #"\bi'?m meant to\b"#,
        ])),
        (.emotionalReasoning, PatternSet([
            #"\bfe(?:el|els|lt|eling)\b[^.]{0,60}\b(?:so|which means|means|that'?s how i know|so clearly|so obviously|so i guess|that i must|i must have|so i shouldn'?t|so i have|so i'?m not|so it doesn'?t|so i obviously|so my|so asking must)\b[^.]{0,40}\b(?:am|is|are|have|must|not|obviously|clearly|know|wrong|deserved|shouldn'?t|doesn'?t|it was|the wrong)\b"#,
            #"\bi just feel it\b"#, #"\bi can sense\b"#, #"\bgut'?s (?:screaming|telling)\b[^.]{0,30}\bso\b"#, #"\b(?:horrible|bad|sinking) feeling\b[^.]{0,40}\b(?:which means|means|so)\b"#,
            #"\bi (?:feel|felt)\b[^.]{0,50}\b(?:so (?:there'?s|it'?s|i'?m|i am|i must|i probably|i'?ll|i won'?t|they|obviously|clearly)|so (?:i )?(?:must|probably) be|must mean|it must be true|therefore)\b"#,
            #"\b(?:because|since) i (?:feel|felt)\b"#, #"\bif i feel\b[^.]{0,30}\bit must\b"#,
            #"\bi (?:feel|felt)\b[^.]{0,60}\b(?:so i must|so i'?m|so it must|so it is|so it'?s|which means|that means|means i|means it|means they|which proves|that proves|proves i|proves that|so obviously|so clearly|so i didn'?t|so they|must be one|tells me|it'?s a sign|so i don'?t deserve|so i know|so i can'?t)\b"#,
            #"\b(?:it|everything|something|this) feels? (?:hopeless|off|wrong|like)\b[^.]{0,40}\b(?:so it|so i|which means|i know|so it is|so it'?s)\b"#,
            #"\bi can feel it\b"#, #"\b(?:this|the) (?:dread|feeling|anxiety|gut feeling)\b[^.]{0,40}\b(?:tells me|means|proves|has to be a sign)\b"#,
            #"\bbecause i feel\b"#, #"\bi feel (?:\w+ ){0,4}so (?:i must|it must)\b"#, #"\b(?:stomach'?s|heart'?s) in knots,? so\b"#,
            #"\bmy anxiety(?:'s| is)\b[^.]{0,30}\bwhich means\b"#, #"\bon edge\b[^.]{0,20}\bhas to mean\b"#, #"\beverything in me says\b"#,
            #"\bthe fact that i do proves\b"#, #"\bi (?:don'?t|didn'?t) feel \w+,? so (?:clearly|obviously)\b"#, #"\bso it (?:must|has to) be true\b"#,
        ])),
        (.disqualifyingThePositive, PatternSet([
            #"\bonly (?:saying|said|praised|complimented|offered|called|invited|shortlisted)\b"#, #"\bisn'?t (?:really )?(?:an )?achievement\b"#, #"\bproves nothing\b"#, #"\bhave to say (?:that|something|nice)\b"#,
            #"\bnothing special\b"#, #"\bjust my job\b"#, #"\bworth nothing\b"#, #"\bjust (?:luck|a fluke)\b"#, #"\bwas (?:just |pure )?luck\b"#,
            #"\bonly (?:called|invited|interviewed|picked|chose|hired|offered|shortlisted)\b[^.]{0,40}\bbecause\b"#, #"\b(?:no one|nobody) else\b[^.]{0,20}\b(?:applied|wanted it|was available)\b"#,
            #"\bwas (?:just |pure |only )?luck\b"#, #"\b(?:doesn'?t|does not|didn'?t) (?:prove|show) anything\b"#, #"\bdon'?t deserve (?:it|the|this)\b"#, #"\b(?:just|only) (?:being|to be) (?:polite|nice|kind)\b"#,
            #"\b(?:doesn'?t|does not|don'?t|didn'?t) (?:really )?(?:count|mean anything|mean much)\b"#, #"\bonly (?:because|cos|cause|did it|said that|came because|out of)\b"#,
            #"\bjust being (?:polite|nice|kind)\b"#, #"\bfluke\b"#, #"\bany(?:one|body|warm body) (?:could|would) (?:have|'ve)\b"#, #"\bnothing,? it'?s just\b"#,
            #"\bjust a formality\b"#, #"\bobviously an easy\b"#, #"\bsays that to everyone\b"#, #"\bnot (?:really )?a real (?:job|offer|experience)\b"#, #"\bisn'?t real experience\b"#,
            #"\bnone of it counts\b"#, #"\bgot nowhere\b"#, #"\bgot lucky\b"#, #"\bjust luck\b"#, #"\bmeans nothing\b"#, #"\bpaid to say\b"#, #"\bjust what (?:people|managers|recruiters) (?:do|write|say)\b"#,
            #"\bhadn'?t seen anyone good\b"#, #"\bshortlist everyone\b"#, #"\bnot really mine\b"#, #"\bdoesnt (?:really )?count\b"#, #"\bdoesnt mean\b"#,
            #"\bpolite way of saying\b"#, #"\bonly to be nice\b"#, #"\bthey were desperate\b"#, #"\bonly (?:got|passed|did well)\b"#, #"\bnothing to do with me\b"#,
        ])),
        (.allOrNothing, PatternSet([
            #"\b(?:whole|entire)\s+(?:\w+\s+){0,2}(?:is|was|'?s|looks|counts|has been)?\s*(?:a write-off|wrecked|ruined|terrible|pointless|worthless|for nothing|a failure|a waste|wasted)\b"#,
            #"\bas good as (?:an? )?(?:f|fail|failure|no|nothing)\b"#, #"\b(?:or|otherwise) (?:it'?s|i'?ve|i'?m|it was|taking it was|the whole)\b[^.]{0,25}\b(?:pointless|failed|failure|mistake|nothing|worthless|waste)\b"#,
            #"\bi'?ve got nothing\b"#, #"\bworth nothing\b"#, #"\bexcept (?:for )?one\b[^.]{0,30}\b(?:ruined|spoiled|worthless|terrible)\b"#, #"\bmeans it went badly\b"#, #"\bor a disaster\b"#,
            #"\bfailed the whole\b"#, #"\banything (?:lower|less)\b[^.]{0,20}\bmeans i'?ve failed\b"#, #"\bit'?s a yes or\b"#, #"\bone \w+ and (?:now )?the whole\b"#,
            #"\b(?:one|a single|just one|1)\s+(?:\w+\s+){0,3}(?:mistake|typo|error|bad answer|question|slip|awkward|wrong|rejection)\b[^.]{0,50}\b(?:whole|entire|everything|all of it|the lot)\b"#,
            #"\banything (?:less|under|short)\b[^.]{0,40}\b(?:failure|fail|pointless|worthless|nothing|waste|zero)\b"#, #"\bnot perfect,? (?:i'?m|it'?s) (?:a )?(?:failure|worthless|useless)\b"#,
            #"\b(?:perfect|flawless)\b[^.]{0,30}\b(?:or|otherwise)\b[^.]{0,30}\b(?:failure|fail|nothing|worthless|pointless)\b"#, #"\bgone nowhere\b"#, #"\bcounts for nothing\b"#,
            #"\bif i'?m not (?:the best|perfect|first)\b"#, #"\bwas (?:all )?a (?:complete |total )?waste\b"#,
            #"\b(?:if|unless)\b[^.]{0,80}\b(?:(?:whole|entire) \w+(?: \w+)? (?:was|is|has been|'?s|will have been)? ?(?:a )?(?:complete |total )?(?:waste|mistake|failure|pointless|for nothing|wasted|write-off)|(?:complete|total|utter) (?:waste|mistake|failure)|(?:was|is|been) (?:a )?(?:waste|mistake|pointless|for nothing|worthless)|(?:i'?ve|i have) (?:completely )?failed|no point|i'?m (?:a )?failure)\b"#,
            #"\b(?:flawless|perfect(?:ly)?|100%)\b[^.]{0,40}\b(?:otherwise|or (?:it'?s|i'?m|i'?ve)|no point|fail|worthless)\b"#, #"\bno in between\b"#,
            #"\beither\b[^.]{0,60}\bor\b[^.]{0,30}\b(?:fail\w*|nothing|blown it|total failure|worthless)\b"#, #"\bgot nowhere\b"#, #"\bcomplete waste\b"#,
            #"\btotal (?:waste|mistake|write-off)\b"#, #"\bwhole (?:search|application|interview|thing|day|month|year|career change)(?:'s| is| was| has been)? (?:ruined|wasted|a waste|pointless|for nothing|spoiled|spoilt|a failure|a mistake)\b"#,
            #"\bfirst loser\b"#, #"\bit'?s a fail\b"#, #"\bor nothing\b"#, #"\b(?:wrecked|ruined|spoiled|spoilt) the whole\b"#, #"\bentire (?:day|month|year|interview) (?:was|has been) (?:a failure|wasted|ruined)\b"#,
            #"\bbasically starting from zero\b"#, #"\ball for nothing\b"#, #"\bstarting from zero\b"#, #"\bthe whole thing'?s\b"#,
            #"\bgood isn'?t good enough\b"#, #"\bfrom start to finish\b"#, #"\bfailing slowly\b"#,
        ])),
    ]

    /// Someone else's words, or a thought the person is reporting rather than holding.
    static let reported = PatternSet([
        #"\b(?:said|says|told me|wrote|writes|joked|jokes|reminded me|keeps saying|kept saying|keeps telling me|kept telling me|claims|swears|posted|tweeted|titled|read a post)\b"#,
        #"\b(?:he|she|they|the (?:interviewer|panel|recruiter|hiring manager|manager|coach)) asked (?:me )?(?:how|what|why|whether|if|about)\b"#,
        #"\b(?:my|a|the|her|his) (?:article|podcast|book|forum|post|poster|coach|mentor|friend|mum|dad|mother|father|sister|brother|uncle|aunt|partner|wife|husband|therapist|adviser|advisor|colleague|recruiter)\b[^.]{0,20}\b(?:said|says|told|reckons|thinks|wrote)\b"#,
    ])

    /// Where the person speaks for themselves again after reporting someone else.
    static let ownVoice = PatternSet([#"(?:,|;)?\s+and i\b"#, #";\s*"#, #",\s+i\b(?!'?m not)"#])

    /// "They must think I'm a joke": the label is in someone else's imagined view (mind-reading).
    static let othersThink = PatternSet([#"\b(?:think|thinks|thought|reckon|reckons|see me as|sees me as|saw me as|believe|believes)\s+(?:that\s+)?(?:i'?m|i am|i was|me)?\s*[^.]{0,12}$"#])

    /// A thought looked at from outside: "I used to think…", "I caught myself thinking…".
    static let distanced = PatternSet([
        #"\bused to (?:think|tell myself|believe|say)\b"#, #"\bcaught myself\b"#, #"\bwas telling myself\b"#, #"\bhad the thought\b"#,
        #"\b(?:at first|last week|yesterday|this morning) i (?:thought|assumed|was sure|was convinced|believed)\b"#, #"\bmy brain went\b"#,
        #"\bold me would\b"#, #"\bpart of me says\b"#, #"\bi noticed i\b"#, #"\bthe thought\b"#, #"\bwhen i think\b"#, #"\bi felt like (?:a |an )?\w+ (?:walking|at first)\b"#,
        #"\bdoesn'?t make (?:it|me) true\b"#, #"\bi keep thinking\b"#, #"\bnot going to assume\b"#, #"\bi don'?t know (?:that|if|whether)\b"#, #"\bpart of me (?:wants|is|says)\b"#, #"\bdidn'?t make it true\b"#, #"\bis a feeling, not a fact\b"#,
    ])

    /// Negation right before a trap phrase: "I'm not a failure", "it's not the end of the world".
    static let negation = PatternSet([
        #"\b(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|won'?t|never|no longer|hardly)\s+(?:\w+\s+){0,2}$"#,
    ])

    /// Softeners and worries stated as worries, not facts: "I'm scared they'll…", "I'm worried I won't…".
    static let worry = PatternSet([
        #"\b(?:scared|worried|afraid|nervous|anxious|concerned|fear|worry)\b"#, #"\bwhat if\b"#, #"\bi hope\b"#, #"\bmight\b"#, #"\bmaybe\b"#, #"\bperhaps\b"#,
        #"\bpossibl[ey]\b"#, #"\bi'?m expecting\b"#,
    ])
}

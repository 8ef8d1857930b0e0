// What the local scorer looks for: weighted words and phrase patterns per attribute, in English and
// Hindi/Hinglish (Latin script plus the commonest Devanagari spellings). A weight is how strongly one hit
// alone means that attribute; hits combine as 1 - Π(1 - w). Kept short on purpose: a trained model replaces
// this list, and every entry has to be worth a moderator's look.
import type { Attribute } from '../../../../shared/model'
import { HINGLISH_PATTERNS, HINGLISH_TERM_GROUPS } from './lexicon-hinglish'

export type Weights = Partial<Record<Attribute, number>>

export interface TermGroup {
  weights: Weights
  /** Space-separated words, matched whole; a trailing '*' also takes longer words (fuck* → fucking). */
  terms: string
  /** Full weight only when aimed at people ("you're pathetic"), half otherwise ("a pathetic policy"). */
  aimed: boolean
}

export interface Pattern {
  /** Shown to the moderator as the span's signal. */
  name: string
  re: RegExp
  weights: Weights
  /** Match the lower-cased text as written, not with leetspeak undone: numbers, links, handles. */
  raw: boolean
  /** Contact details: when the comment is also selling something, these replace `weights`. */
  commercial?: { name: string; weights: Weights }
  /**
   * Words one of which every match holds as the start of a word after a space (or at its start): the
   * pattern only runs on comments with one. Read from `re` when absent (pattern-triggers.ts); given where
   * the first word is one nearly every comment has ("i", "the").
   */
  needs?: string[]
  /** For a pattern that needs no particular word (numbers, links): a cheap test the text must pass first. */
  gate?: RegExp
}

const g = (weights: Weights, terms: string, aimed = false): TermGroup => ({ weights, terms, aimed })

export const TERM_GROUPS: TermGroup[] = [
  // Insults
  g({ INSULT: 0.8 }, 'idiot* moron* imbecile* cretin* nitwit halfwit dimwit numbskull buffoon buffoons loser losers lowlife scum scumbag*'),
  g(
    { INSULT: 0.85, PROFANITY: 0.6 },
    'asshole* arsehole* dumbass* jackass* dipshit* dickhead* douchebag* shithead* bastard* twat* wanker* tosser*'
  ),
  g({ INSULT: 0.75, IDENTITY_ATTACK: 0.4 }, 'retard retards retarded'),
  g(
    { INSULT: 0.6 },
    'stupid* dumb pathetic clown clowns fool fools ignorant brainless brainwashed clueless worthless jerk jerks muppet ' +
      'coward cowards liar liars hypocrite hypocrites shameless prick pricks freeloaders freeloading',
    true
  ),
  g(
    { INSULT: 0.55 },
    'traitor traitors deshdrohi gaddar gaddaar chor choron presstitute* libtard* sickular andhbhakt* देशद्रोही गद्दार चोर',
    true
  ),
  g({ INSULT: 0.4 }, 'bhakt bhakts chamcha chamche chaman', true),
  // Hindi/Hinglish abuse
  g(
    { INSULT: 0.85, PROFANITY: 0.8 },
    'chutiya* chutiye chutia chutiyo madarchod maderchod behenchod bhenchod bhosdi* bhosada gandu lodu lavde lawde ' +
      'laude chodu चूतिया चुतिया मादरचोद बहनचोद भेनचोद भोसडीके गांडू'
  ),
  g(
    { INSULT: 0.8, PROFANITY: 0.5 },
    'harami haramkhor haramzada haramzade haramzadi bhadwa bhadwe bhadve kamina kamine kameena kaminey ' +
      'हरामी हरामखोर हरामज़ादे कमीने कमीना'
  ),
  g({ INSULT: 0.85, PROFANITY: 0.6, SEXUALLY_EXPLICIT: 0.3 }, 'randi randiyon randwa रंडी'),
  g({ INSULT: 0.7 }, 'librandu librandus'),
  g({ INSULT: 0.65 }, 'kutta kutte kutti kuttiya kutton suar suwar कुत्ते कुत्ता', true),
  g({ INSULT: 0.6 }, 'gadha gadhe gadho nalayak bewakoof bevakoof jahil jaahil गधे गधा', true),
  g({ INSULT: 0.45, PROFANITY: 0.3 }, 'saala saale saalo साले'),
  // Profanity; the commonest first, as a masked word ("s**t") is read as the first word it fits.
  g({ PROFANITY: 0.85 }, 'fuck* fck fcking fuk fuking fukin wtf'),
  g({ PROFANITY: 0.6 }, 'shit shits shitty shitting bullshit horseshit ass asses arse dick dicks cock cocks tatti'),
  g({ PROFANITY: 0.6, INSULT: 0.4 }, 'stfu'),
  g({ INSULT: 0.8, PROFANITY: 0.8, SEXUALLY_EXPLICIT: 0.3 }, 'bitch* whore* slut*'),
  g({ INSULT: 0.9, PROFANITY: 0.9, SEVERE_TOXICITY: 0.6 }, 'cunt cunts motherfuck*'),
  g({ PROFANITY: 0.3 }, 'crap crappy damn dammit goddamn bollocks bugger piss pissed bakchod*'),
  // Slurs, then dehumanising words (rarely said of anything but people).
  g(
    { IDENTITY_ATTACK: 0.9, SEVERE_TOXICITY: 0.7, INSULT: 0.6 },
    'nigger* nigga niggas faggot* kike kikes spic spics chink chinks wetback* towelhead* raghead* gook gooks ' +
      'tranny trannies paki pakis katua katue katuye katwe chinki chinkis'
  ),
  g(
    { IDENTITY_ATTACK: 0.75, SEVERE_TOXICITY: 0.4, INSULT: 0.5 },
    'fag fags dyke dykes coon coons chamar chamaar bhangi mulle mullo jihadi jihadis ' +
      'khokhol* khokhl* katsap* moskal* chukhna'
  ),
  g({ IDENTITY_ATTACK: 0.5, INSULT: 0.3 }, 'vermin subhuman* untermensch cockroaches termites orcs ghuspaithiye ghuspaithiya'),
  // Words for groups that are themselves the sneer (misspelt on purpose, or a person reduced to their papers).
  g({ IDENTITY_ATTACK: 0.6, INSULT: 0.3 }, 'muzlim* mooslim* moslems kneegrow* illegals wetbacks sheboon* feminazi* libtards trumptard* demonrat* rapefugee*'),
  // Sexual
  g({ SEXUALLY_EXPLICIT: 0.7 }, 'porn* blowjob* handjob* nudes horny boobs tits dildo* orgasm* milf xxx cumshot*'),
  g({ SEXUALLY_EXPLICIT: 0.7, PROFANITY: 0.7 }, 'pussy chudai choot lund gaand'),
  // Sales words: weak alone, strong next to a link, number or handle (see `commercial`).
  g(
    { SPAM: 0.3 },
    'whatsapp telegram crypto bitcoin btc forex casino jackpot lottery betting satta matka rummy giveaway cashback promo bonus signup onlyfans'
  ),
  g(
    { SPAM: 0.15 },
    'earn earning income profit profits invest investment loan loans discount offer odds tips jeeto dm inbox subscribe followers premium guaranteed'
  ),
  ...HINGLISH_TERM_GROUPS
]

/** Words that aim a nearby `aimed` insult at people: the reader, or a bunch ("log") of them. */
export const AIMERS = new Set(
  'you your youre ur u ya tu tum tera teri tere tujhe tujh tujhko tumko tumhe tereko tumhara tumhari tumhare abe abey oye bunch log'.split(' ')
)
/** Words that take an `aimed` insult back: "not stupid" (just before it), "bewakoof nahi" (just after). */
export const NEGATORS_BEFORE = new Set('not never isn aren wasn weren'.split(' '))
export const NEGATORS_AFTER = new Set('nahi nahin nhi'.split(' '))

// Building blocks for the patterns below.
const r = String.raw
const oneOf = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`
const GROUP = oneOf(
  'muslim|musalman|mulla|hindu|christian|isai|sikh|jew|parsi|dalit|brahmin|jat|yadav|tribal|adivasi',
  'bihari|kashmiri|tamil|bengali|punjabi|north indian|south indian|pakistani|bangladeshi|rohingya',
  'immigrant|migrant|refugee|african|arab|mexican|asian|chinese|black|white|gay|lesbian|feminist|women|woman',
  'russian|ukrainian|american|european|israeli|palestinian|korean|japanese|afghan|iranian|turk|roma|gyps(?:y|ie)',
  'balt|scandinavian|italian|german|illegal|illegal alien|alien|transgender|homosexual|moslem|muzlim|islamist|mooslim|negro|tranny|trannie'
) + 's?'
const VILE = oneOf(
  'terrorists?|criminals?|rapists?|thieves|invaders?|traitors?|jihadis?|anti-?nationals?|a fifth column',
  'animals?|vermin|pigs?|dogs?|parasites?|cockroach(?:es)?|termites?|rats?|orcs?|cattle|slaves?|horde|drones',
  'trash|garbage|filth|filthy|dirty|scum|savages?|sub-?humans?|barbarians?|barbaric|primitive|inferior|backward|corrupt',
  'a disease|a cancer|gaddar|gaddaar|aatanki|atankwadi|aatankwadi|deshdrohi'
)
// Only intensifiers may sit between "are" and the insult, so "muslims are victims of terrorists" stays clean.
const FILLER = r`(?:${oneOf(
  'all|just|nothing|but|born|basically|simply|literally|always|really|the|most|a|an|bunch|of|such',
  'total|complete|bloody|fucking|filthy|dirty'
)}\s+){0,3}`
const I_WILL = r`(?:i|we)(?:'ll| will| would| shall| gonna| am going to|'m going to| are going to|'re going to)`
const PERSON = r`(?:you|u|ya|him|her|them)`

const build = (name: string, weights: Weights, alternatives: string[], raw: boolean, commercial?: Pattern['commercial']): Pattern => ({
  name,
  weights,
  raw,
  commercial,
  re: new RegExp(alternatives.join('|'), 'g')
})
/** The same pattern, run only on comments with one of these words (see `Pattern.needs`). */
const needing = (words: string, pattern: Pattern): Pattern => ({ ...pattern, needs: words.split(' ') })
/** The same pattern, run only on texts that pass `gate`. */
const gated = (gate: RegExp, pattern: Pattern): Pattern => ({ ...pattern, gate })
/** A phrase, matched with leetspeak undone. */
const phrase = (name: string, weights: Weights, ...alternatives: string[]): Pattern => build(name, weights, alternatives, false)
/** Matched as written (lower-cased): numbers, links, handles. */
const written = (name: string, weights: Weights, ...alternatives: string[]): Pattern => build(name, weights, alternatives, true)
/** Contact details: personal data, unless the comment is selling something. */
const contact = (name: string, weights: Weights, commercial: Pattern['commercial'], ...alternatives: string[]): Pattern =>
  build(name, weights, alternatives, true, commercial)

export const PATTERNS: Pattern[] = [
  // Threats; the deadly ones also count as severe.
  needing('kill murder shoot stab rape behead slaughter lynch hang burn', phrase(
    'threat: I will kill you',
    { THREAT: 0.9, SEVERE_TOXICITY: 0.75 },
    r`\b${I_WILL}\s+(?:\w+\s+)?(?:kill|murder|shoot|stab|rape|behead|slaughter|lynch|hang|burn)\s+(?:${PERSON}|your|all)\b`
  )),
  needing('find hunt track', phrase('threat: I will find you', { THREAT: 0.75 }, r`\b${I_WILL}\s+(?:find|hunt|track)\s+${PERSON}\b`)),
  phrase(
    'threat: we know where you live',
    { THREAT: 0.85, SEVERE_TOXICITY: 0.4 },
    r`\b(?:we|i)\s+know\s+where\s+(?:you|u|your family|he|she|they)\s+(?:live|lives|stay|stays|work|works)\b`,
    r`\byour\s+(?:home\s+)?(?:address|ips?|location)\b[^.!?\n]{0,30}?\b(?:find|found|leak|leaks|logged|know)\b`,
    r`\b(?:ghar|address)\s+ka\s+pata\s+(?:mil|chal)`
  ),
  needing('visit door waiting samjha', phrase(
    'threat: pay you a visit',
    { THREAT: 0.7 },
    r`\bpay\s+${PERSON}\s+a\s+visit\b`,
    r`\b(?:be|show\s+up|knock\w*)\s+at\s+(?:your|his|her)\s+door\b`,
    r`\b(?:we|i)(?:'ll| will)\s+be\s+waiting\b`,
    r`\ba+\s*ke\s+samjha\w*`
  )),
  phrase(
    'threat: put a bullet in',
    { THREAT: 0.9, SEVERE_TOXICITY: 0.7 },
    r`\b(?:put|pump|putting)\s+(?:a\s+)?bullets?\s+(?:in|into|through)\b`,
    r`\bput\s+(?:\w+\s+){1,2}in\s+the\s+ground\b`
  ),
  phrase(
    'threat: should be shot',
    { THREAT: 0.7, SEVERE_TOXICITY: 0.45 },
    r`\b(?:should|must|ought to|deserves? to|needs? to)\s+(?:all\s+)?(?:be\s+)?(?:[\w-]+\s+and\s+)?` +
      r`(?:shot|hanged|hung|strung up|killed|executed|lynched|beheaded|burn(?:ed|t) alive|stoned to death|die)\b`
  ),
  phrase(
    'threat: hang them',
    { THREAT: 0.7, SEVERE_TOXICITY: 0.5 },
    r`\b(?:hang|shoot|lynch|kill|behead)\s+(?:them|him|her|all of them|these \w+|those \w+)\b(?!\s+(?:an?\s+)?(?:e-?mail|message|text|note|line))`,
    r`\b(?:will|to)\s+hang\b(?!\s+(?:out|on|around|up|the|a|an|it)\b)`
  ),
  needing('die dead', phrase(
    'threat: you will die',
    { THREAT: 0.8, SEVERE_TOXICITY: 0.5 },
    r`\byou(?:'ll| will| are going to|'re going to| gonna)\s+die\b`,
    r`\byou(?:'re| are)\s+dead(?:\s+meat)?\s*(?:[.!]|$)`
  )),
  needing('back pay suffer regret', phrase(
    'threat: watch your back',
    { THREAT: 0.7 },
    r`\bwatch\s+(?:your|ur)\s+back\b`,
    r`\byour\s+(?:family|kids|children|wife|daughter|mother)\s+(?:will|would|is going to|are going to)\s+(?:pay|suffer|regret)\b`,
    r`\b(?:you|u)(?:'ll| will| are going to)\s+(?:regret|pay\s+for)\s+(?:this|it)\b`
  )),
  phrase(
    'threat: kill yourself',
    { THREAT: 0.6, SEVERE_TOXICITY: 0.7, INSULT: 0.5 },
    r`\b(?:kill|hang|shoot)\s+(?:yourself|urself|yourselves)\b`,
    r`\bkys\b|\bgo\s+die\b|\bdrop\s+dead\b`
  ),
  phrase('threat: jaan se maar', { THREAT: 0.9, SEVERE_TOXICITY: 0.7 }, r`\bjaan\s+se\s+(?:maar|mar|khatam)`, 'जान से मार'),
  phrase(
    'threat: maar denge',
    { THREAT: 0.85, SEVERE_TOXICITY: 0.6 },
    r`\b(?:maar|mar|kaat|kat|tod|thok|phod|zinda\s+jala|zinda\s+jalaa)(?:\s+(?:ke|kar))?\s+` +
      r`(?:denge|dalenge|daalenge|dunga|doonga|dalunga|daalunga|dalo|daalo|do|diya\s+jayega)\b`,
    r`\bgoli\s+(?:maar|mar|chala)\w*`,
    r`मार\s*(?:देंगे|डालेंगे|दूंगा|दो)`,
    'गोली मार'
  ),
  phrase(
    'threat: dekh lunga',
    { THREAT: 0.6 },
    r`\b(?:tujhe|tumhe|tujhko|tumko|tereko)\s+(?:dekh\s+(?:lunga|loonga|lenge)|nahi\s+ch+od(?:enge|unga))\b`,
    r`\bdekh(?:ega|egi|oge)\s+kya\s+hota`,
    r`\b(?:dhulai|dhunai|pitai|kutai)\s+(?:karenge|karunga|hogi)\b`,
    r`\butha\s+(?:ke|kar)\s+le\s+ja`
  ),
  // Abuse only a phrase carries.
  phrase('abuse: fuck you', { INSULT: 0.7 }, r`\bf[u*]ck\s+(?:you|u|off|yourself|urself)\b`),
  phrase('abuse: go to hell', { INSULT: 0.5 }, r`\bgo\s+to\s+hell\b`),
  phrase(
    'abuse: teri maa ki',
    { INSULT: 0.8, PROFANITY: 0.8, SEVERE_TOXICITY: 0.4 },
    r`\b(?:teri|tumhari|tera|uski)\s+(?:maa|ma|behen|bhen)\s+(?:ki|ka|ke)\b`
  ),
  phrase('abuse: ullu ka pattha', { INSULT: 0.6 }, r`\bullu\s+ke?\s+pat+h+[ae]\b`),
  phrase(
    'rude: shut up',
    { INSULT: 0.4 },
    r`(?<!\bput\s+up\s+or\s+)\bshut\s+(?:up|your\s+mouth|ur\s+mouth)\b`,
    r`\bchup+\s+(?:kar|kr|ho\s+ja|baith|be|bey)\b`,
    r`\b(?:teri|tumhari)\s+(?:koi\s+)?aukaat\b`,
    r`\bchal\s+nikal\b`,
    r`\bnobody\s+asked\s+(?:you|u)\b`
  ),
  // Attacks on groups.
  phrase(
    'hate: all <group> are <vile>',
    { IDENTITY_ATTACK: 0.8, INSULT: 0.4, SEVERE_TOXICITY: 0.4 },
    r`\b${GROUP}\s+(?:are|r|is|were|have\s+always\s+been)\s+${FILLER}${VILE}\b`,
    r`\b(?:saare|sab|ye|yeh)\s+${GROUP}\s+(?:log\s+)?${VILE}\b`
  ),
  phrase(
    'hate: <group> are not people',
    { IDENTITY_ATTACK: 0.8, SEVERE_TOXICITY: 0.5 },
    r`\b${GROUP}\s+(?:are\s+not|aren'?t|were\s+never|are\s+never)\s+(?:even\s+)?(?:a\s+)?(?:real\s+)?(?:people|humans?|nations?)\b`
  ),
  needing('blood culture genes dna jaati jaat kaum qaum community', phrase(
    'hate: it is in their blood',
    { IDENTITY_ATTACK: 0.55 },
    r`\bit'?s\s+in\s+(?:the|their|his|her)\s+(?:blood|culture|genes|dna)\b`,
    r`\b(?:jaati|jaat|kaum|qaum|community)\s+hi\s+(?:aisi|aise|aisa)\b`
  )),
  needing('jews zionists tribe', phrase(
    'hate: the jews run it',
    { IDENTITY_ATTACK: 0.7 },
    r`\b(?:jews|zionists|(?:which|that)\s+tribe)\s+(?:really\s+)?(?:runs?|controls?|owns?)\s+` +
      r`(?:the\s+)?(?:world|media|banks|wall\s+street|hollywood|government|america|everything)\b`
  )),
  phrase(
    'hate: <group> should be killed',
    { IDENTITY_ATTACK: 0.85, THREAT: 0.7, SEVERE_TOXICITY: 0.6 },
    r`\b${GROUP}\s+(?:should|must|need to|needs to|deserve to|ought to)\s+(?:all\s+)?(?:be\s+)?` +
      r`(?:killed|shot|hanged|wiped out|exterminated|eliminated|gassed|burned|burnt|die|sterili[sz]ed)\b`
  ),
  phrase(
    'hate: kill all <group>',
    { IDENTITY_ATTACK: 0.9, THREAT: 0.9, SEVERE_TOXICITY: 0.8 },
    r`\b(?:kill|shoot|hang|burn|exterminate|wipe\s+out|maaro|maro)\s+(?:all\s+|every\s+|the\s+|these\s+|those\s+|saare\s+|sab\s+)?${GROUP}\b`
  ),
  phrase(
    'hate: send them back',
    { IDENTITY_ATTACK: 0.55, INSULT: 0.3 },
    r`\b(?:go|get\s+out|send\s+(?:them|him|her))\s+(?:back\s+)?to\s+` +
      r`(?:pakistan|bangladesh|africa|your\s+(?:own\s+)?country|where\s+(?:you|they)\s+came\s+from)\b`,
    r`\bpakistan\s+(?:chale\s+jao|chala\s+ja|jao|bhejo|bhej\s+do)\b`,
    r`\b(?:ship|send|throw|kick|drive)\s+them\s+(?:all\s+)?(?:back|out|east|away)\b`
  ),
  // Personal data. There is no PRIVACY attribute: someone's number, address or real name in a public comment
  // is a moderate TOXICITY signal (worth a look, and several together read as doxxing); a number, e-mail or
  // handle only counts as SPAM when the comment is selling something.
  needing('number no address email mobile phone', phrase(
    'personal data: his number is',
    { TOXICITY: 0.45 },
    r`\b(?:his|her|their|this\s+guy'?s|the\s+\w+'s)\s+(?:personal\s+|home\s+|phone\s+|mobile\s+|cell\s+|whatsapp\s+|email\s+|real\s+)?` +
      r`(?:number|no\.?|address|email|mobile|phone)\s*(?:is\b|:|-)`
  )),
  phrase('personal data: real name', { TOXICITY: 0.25 }, r`\b(?:real|actual|asli)\s+(?:name|naam)\b`, r`\basli\s+me(?:in)?\b`),
  written(
    'personal data: home address',
    { TOXICITY: 0.35 },
    r`\b(?:lives|living|stays|resides|rehta|rehti|rehte|address)\b[^!?\n]{0,30}?\d`,
    r`\bghar\s*:\s*\S`
  ),
  written(
    'personal data: house number',
    { TOXICITY: 0.35 },
    r`\b(?:house|flat|apt|apartment|plot|makaan|makan|h)\.?\s*(?:no\.?|number|#)\s*[-:]?\s*[a-z]?-?\d+`,
    r`\b(?:apt|kv)\.?\s+\d+|\bflat\s+\d+[a-z]\b`
  ),
  phrase(
    'incitement: go after them',
    { TOXICITY: 0.35, THREAT: 0.2 },
    r`\b(?:call|phone|message|visit|report)\s+(?:karo|kare|karke|karein)\b`,
    r`\b(?:someone|somebody|everyone|people)\s+(?:should\s+|can\s+|will\s+)?(?:message|call|visit|email|report|contact)\s+(?:her|him|them|his)\b`,
    r`\bsay\s+hello\s+to\s+(?:her|him)\b`,
    r`\bdo\s+with\s+this\s+what\s+you\s+(?:want|will|like)\b`,
    r`\breport\s+(?:him|her)\s+to\s+(?:his|her)\b`
  ),
  gated(/\d/, contact(
    'personal data: phone number',
    { TOXICITY: 0.4 },
    { name: 'spam: phone number with sales words', weights: { SPAM: 0.85 } },
    r`(?<![\d+])(?:\+?91[\s-]?)?(?:[6-9]\d{4}[\s-]?\d{5}|[6-9]\d{2}[\s-]\d{3}[\s-]\d{4})(?!\d)`,
    r`\+\d{1,3}(?:[\s.-]?\d){8,12}(?!\d)`,
    r`\(\d{3}\)\s?\d{3}[\s.-]\d{4}`
  )),
  gated(/@/, contact(
    'personal data: e-mail address',
    { TOXICITY: 0.3 },
    { name: 'spam: e-mail with sales words', weights: { SPAM: 0.7 } },
    r`\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b`
  )),
  contact(
    'personal data: social handle',
    { TOXICITY: 0.25 },
    { name: 'spam: handle with sales words', weights: { SPAM: 0.85 } },
    r`\b(?:telegram|tg|insta|instagram|twitter|vk|fb|facebook|whatsapp|snapchat)\s*(?:id|handle)?\s*[:-]?\s*@[\w.]+`
  ),
  // Defamation needs facts a word list cannot check; naming someone as bought or criminal is worth a look.
  needing('payroll pocketed embezzl paid took takes liye dealer fake', phrase(
    'accusation: paid or criminal',
    { TOXICITY: 0.3 },
    r`\bon\s+(?:the\s+|their\s+|its\s+)?(?:[\w.]+\s+){0,2}payroll\b|\bpocketed\b|\bembezzl\w*`,
    r`\bpaid\s+(?:\w+\s+)?(?:agent|operative|shill|lobbyist|stooge|employee)s?\b`,
    r`\b(?:took|takes|liye)\s+(?:[₹$]?\s?\d[\d,.]*\s*(?:lakh|crore|k|dollars)?|bribes?)\s+(?:from|se)\b`,
    r`\bdrug\s+dealer\b|\bfake\s+(?:accounts|entries|voter\s+\w+)\b`
  )),
  // Spam. `.example` is the reserved domain the demo data uses.
  gated(/https?:|www\.|[a-z0-9-]\.[a-z]/, contact(
    'link',
    { SPAM: 0.2 },
    { name: 'spam: link with sales words', weights: { SPAM: 0.85 } },
    r`\bhttps?:\/\/\S+|\bwww\.\S+`,
    r`\b[a-z0-9-]+\.(?:com|net|org|in|io|co|xyz|top|ly|me|info|biz|club|site|online|shop|app|link|example)\b(?:\/\S*)?`,
    r`\b[a-z0-9-]+\.[a-z]{2,}\/\S*`
  )),
  written(
    'spam: earn money per day',
    { SPAM: 0.8 },
    r`\b(?:earn|make|making|earning)\b[^.!?\n]{0,25}?(?:₹|rs\.?|\$|inr|usd|\d)[^.!?\n]{0,20}?(?:per|a|every|\/)\s*(?:day|week|month|hour)\b`,
    r`\bturned\s+[₹$€]?\s?\d[\d,.]*k?\s+into\s+[₹$€]?\s?\d`
  ),
  phrase('spam: work from home', { SPAM: 0.3 }, r`\b(?:work|earn|income|jobs?)\s+from\s+home\b`),
  phrase('spam: click here', { SPAM: 0.65 }, r`\bclick\s+(?:here|the\s+link|on\s+(?:the\s+)?link|below)\b`, r`\blink\s+in\s+(?:my\s+)?bio\b`),
  phrase(
    'spam: DM me',
    { SPAM: 0.45 },
    r`\b(?:dm|inbox|msg|whatsapp|ping)\s+(?:me|us|now)\b`,
    r`\bcall\s+now\b`,
    r`\bmessage\s+(?:me|us)\s+(?:on|at|for)\b`
  ),
  phrase(
    'spam: check out my channel',
    { SPAM: 0.65 },
    r`\b(?:check\s+out|visit|subscribe\s+to|follow)\s+(?:my|our)\s+(?:channel|profile|page|website|site|blog|store|shop)\b`
  ),
  written(
    'spam: sign-up bonus',
    { SPAM: 0.6 },
    r`\b(?:sign\s*up|welcome|joining|deposit|referral)\s+bonus\b`,
    r`\b(?:use|with)\s+(?:promo\s+|referral\s+)?code\s+[a-z0-9]{4,}\b`,
    r`\bjoin\s+(?:now|free|today)\b`,
    r`\bsign\s*up\s*(?::|now|today|here)`
  ),
  gated(/\d|guaranteed|double|triple|paisa|fixed|sure|join/, written(
    'spam: guaranteed returns',
    { SPAM: 0.7 },
    r`\b(?:100\s*%|guaranteed)\s+(?:returns?|profit|income|results?|free|guaranteed)\b`,
    r`\b\d{2,3}\s*%\s+(?:accuracy|genuine|fixed|sure)\b`,
    r`\b(?:double|triple)\s+(?:your\s+)?(?:money|paisa|investment)\b|\bpaisa\s+double\b`,
    r`\bfixed\s+(?:match|matches|report|tips)\b|\bsure[\s-]?shot\b|\b\d+x\s+(?:odds|returns?|profit)\b`,
    r`\bjoin\s+(?:my|our)\s+(?:telegram|whatsapp)\b`
  )),
  ...HINGLISH_PATTERNS
]

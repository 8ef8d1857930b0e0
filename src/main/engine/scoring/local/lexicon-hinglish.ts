// Sieve's own Hinglish lexicon: the insults and abuse moderators remove under Indian news stories — not
// only profanity but the political name-calling, communal and caste slurs, threats and sexual abuse of
// women journalists that fill those comment sections — in their common romanised spellings (vowels
// doubled or dropped, w/v, d/dh, the SMS abbreviations: bc, mc, bsdk) and in Devanagari. Leetspeak,
// masked letters (ch*tiya), stretched letters and spelt-out words are undone by normalize.ts, so only
// real spelling variants are listed. Words that are also ordinary Hindi or English ("chakka" is a six in
// cricket, "dalal" a broker, "pagal" is said fondly) count in full only when aimed at someone.
import type { Pattern, TermGroup, Weights } from './lexicon'

const g = (weights: Weights, terms: string, aimed = false): TermGroup => ({ weights, terms, aimed })

export const HINGLISH_TERM_GROUPS: TermGroup[] = [
  // Profanity strong enough to remove wherever it stands.
  g(
    { INSULT: 0.85, PROFANITY: 0.85 },
    'chootiya chootiye chutiyaa chutiyon chutiyap* chutiyapanti chutmarike chutmaarike ' +
      'madarchood maadarchod madarchodd madarjaat maderchood mādarchod behnchod bahenchod benchod bhencho bhanchod bhnchod behenchodd ' +
      'bhosdike bhosadike bhosdiwale bhosdiwala bhosdiwali bhosdike bhosdk bsdk bhsdk bhosad* bhosri* ' +
      'gaandu gaandoo gandmara gaandmara gandmasti gaandfat gandfat ' +
      'lavde lavda lawda lauda laude lavdu lode loda lodu lodey lund lundoo lundfakir ' +
      'jhaatu jhantu jhaant jhaat jhatu ' +
      'chodu chodumal chudwa chudwaya chudwale chudail* maachod maachud ' +
      'tmkc tmkb mkc mkb bkl bkc bkchod bhenkelode ' +
      'भोसड़ीके भोसडी भोसड़ी लौड़े लोड़े लौंडे लोडू गांडू गाण्डू झाटू चोदू मादरचोद बहनचोद बहनचोद'
  ),
  g({ INSULT: 0.6, PROFANITY: 0.6 }, 'bc mc mcbc bcmc bakchod bakchodi bakchodo jhandu tatte tatton'),
  // Sexual abuse, mostly aimed at women in the story or the newsroom.
  g(
    { INSULT: 0.85, PROFANITY: 0.6, SEXUALLY_EXPLICIT: 0.5 },
    'randi randiya randiyan randiyo randwa randwe randvi chhinal chinal chhinaal chinaal chhinar kutiya kuttiya kutia kuttia ' +
      'rakhail rakhel dhandewali dhandhewali vaishya veshya tawaif kothewali ' +
      'रंडी छिनाल कुतिया रखैल वेश्या'
  ),
  g({ SEXUALLY_EXPLICIT: 0.7, PROFANITY: 0.6 }, 'chut choot chuut chudai chudayi chudaai lundh'),
  // Insults that are not swearing: what a reader calls another reader or a journalist.
  g(
    { INSULT: 0.8, PROFANITY: 0.4 },
    'harami haraami haramkhor haraamkhor haramzaada haraamzaada haramzaade haraamzade haramjada haramjade ' +
      'kamina kamine kameena kameene kamini kameeni bhadwa bhadwe bhadve bhadwi bhadua bhaduwa dalla dalle ' +
      'हरामी हरामखोर हरामज़ादा हरामजादे कमीना कमीने भड़वा भड़वे दल्ला दल्ले'
  ),
  g(
    { INSULT: 0.65 },
    'bewakoof bevakoof bewkoof bevkoof bewakuf bevkuf buddhu gadha gadhe gadho gadhon ullu nalayak nalaayak nalayako ' +
      'nikamma nikamme nikammi nikkamma nikkame kaamchor kamchor dhakkan ghonchu chomu chirkut chapri chhapri tharki tharkee ' +
      'bewda bewde bevda bevde jahil jaahil jahilon gawar gawaar ganwar ganwaar gavar anpadh anpad anparh badtameez badtamiz ' +
      'ghatiya bhikari bhikhari bhikmanga bhikhmange keeda keede kide makode naalayak paagal pagal pagla paglu ' +
      'बेवकूफ बेवकूफ़ गधा गधे उल्लू नालायक निकम्मा निकम्मे जाहिल गंवार गँवार अनपढ़ घटिया भिखारी पागल',
    true
  ),
  // Political name-calling, aimed at other readers or at journalists.
  g(
    { INSULT: 0.6 },
    'andhbhakt andhbhakts andhbhakton andhbhakto andhabhakt andbhakt bhakton bhakto gobarbhakt gaumutri gomutri ' +
      'chaddi chaddiwale chaddiwala chaddis sanghi sanghis sanghiyon khangress khangressi khangresi kangress kangressi congi congis ' +
      'aaptard aaptards aaptardon aapiya aapiye pidi piddi pidis pappu feku fenku ' +
      'chamcha chamchon chatukar chaatukar paltu palatu dalal dalaal dalali dalaali 2rs 5rs ' +
      'deshdrohiyon gaddaro gaddaron naxali ' +
      'अंधभक्त अंधभक्तों संघी चड्डी पप्पू फेकू चमचा चमचे दलाल पालतू',
    true
  ),
  // Communal, caste, regional and gender slurs.
  g(
    { IDENTITY_ATTACK: 0.9, SEVERE_TOXICITY: 0.6, INSULT: 0.6 },
    'katuo katuon katuwe katva katvon katuaa mullo mulli mullon shantidoot shantidooto peacefuls ' +
      'chuhda chuhde chudha dhed kanjar kanjari habshi habshiyon ' +
      'hijda hijde hijdon hijre हिजड़ा हिजड़े कटुआ कटुए कटुवे मुल्ले मुल्लों भंगी चमार'
  ),
  g({ IDENTITY_ATTACK: 0.75, INSULT: 0.5 }, 'madrasi madrasis madrasiyon kaalu kallu ghuspaithiyon deemak', true),
  g({ IDENTITY_ATTACK: 0.6, INSULT: 0.5 }, 'chakka chhakka chakke chhakke', true)
]

const r = String.raw
const build = (name: string, weights: Weights, ...alternatives: string[]): Pattern => ({
  name,
  weights,
  raw: false,
  re: new RegExp(alternatives.join('|'), 'g')
})

/** "you"/"him"/"them" in Hinglish, for the threat patterns. */
const TARGET = r`(?:tujhe|tujhko|tereko|tumhe|tumko|usko|use|unko|inko|isko|iski|uski|inki|unki|sabko|saalon\s+ko|in\s+sab\s+ko|tera|teri|tere)`

export const HINGLISH_PATTERNS: Pattern[] = [
  build(
    'threat: ghar aake maarunga',
    { THREAT: 0.85, SEVERE_TOXICITY: 0.5 },
    r`\bghar\s+(?:aa\s?ke|aakar|aa\s+kar|ghus\s+ke)\s+(?:\w+\s+)?(?:maar|mar|thok|pe?ee?t|kaat)\w*`,
    r`\b(?:maarunga|marunga|maroonga|thokunga|thok\s+dunga|kaat\s+dunga|kaatunga|jala\s+dunga|khatam\s+kar\s+(?:dunga|denge|doonga))\b`,
    r`\b(?:maar|mar)\s+(?:daalo|dalo|daalenge|dalenge|diya\s+jaaye)\b`,
    r`\bkaat\s+(?:daalo|dalo|daalenge|dalenge)\b`
  ),
  build(
    'threat: sar tan se juda',
    { THREAT: 0.95, SEVERE_TOXICITY: 0.85, IDENTITY_ATTACK: 0.3 },
    r`\b(?:sar|sr)\s+tan\s+se\s+juda\b`,
    'सर तन से जुदा'
  ),
  build(
    'threat: gardan kaat denge',
    { THREAT: 0.9, SEVERE_TOXICITY: 0.7 },
    r`\b(?:gardan|gala|galaa|sar|sir|haath|pair|taange|taangein|taangen|tangein|haddi|haddiyan|daant)\s+(?:\w+\s+)?(?:kaat|kat|tod|tor|phod)\s*(?:denge|dunga|doonga|dalenge|daalenge|do|dalo|daalo|diye\s+jayenge)\b`
  ),
  build(
    'threat: zinda jala do',
    { THREAT: 0.9, SEVERE_TOXICITY: 0.75 },
    r`\bzinda\s+(?:jala|jalaa|gaad|dafna|dafan)\w*`,
    r`\b(?:aag\s+laga|phoonk|phunk)\s*(?:do|denge|dalo|daalo)\b`,
    'ज़िंदा जला',
    'जिंदा जला'
  ),
  build(
    'threat: latka do',
    { THREAT: 0.7, SEVERE_TOXICITY: 0.45 },
    r`\b(?:chaurahe|chauraahe|chowk|ped|khambe)\s+(?:pe|par)\s+(?:\w+\s+)?(?:latka|latkaa|taang)\w*`,
    r`\b(?:latka|latkaa)\s+(?:do|denge|dena\s+chahiye)\b`,
    r`\b(?:encounter|thok)\s+(?:kar\s+)?(?:do|dena\s+chahiye)\b`
  ),
  build(
    'threat: dekh lenge tujhe',
    { THREAT: 0.65 },
    r`\bdekh\s+(?:lenge|lunga|loonga|lena)\s+${TARGET}\b`,
    r`\b(?:bahar|akele|raat\s+ko)\s+(?:mil|milna|milo)\b`,
    r`\b(?:sabak|aukaat)\s+(?:sikha|dikha)\s*(?:denge|dunga|doonga)\b`,
    r`\b(?:joote|jute|joote\s+chappal|dande|lathi)\s+(?:padenge|maarenge|marenge|khayega)\b`,
    r`\b(?:patthar|pathar)\s+(?:padenge|maarenge|chalenge)\b`,
    r`\b(?:uthwa|uthva|utha|uthaa)\s+(?:lo|lenge|lunga|leinge)\b`,
    r`\bmaar\s+maar\s+(?:ke|kar)\b`,
    r`\b(?:bhurta|keema|kachumar)\s+bana\s*(?:denge|dunga|doonga)\b`,
    r`\b${TARGET}\s+(?:aur\s+\w+\s+\w+\s+)?(?:khatam|saaf|gayab)\s+kar\s+(?:denge|dunga|doonga|do)\b`
  ),
  build(
    'abuse: maa behen ki gaali',
    { INSULT: 0.85, PROFANITY: 0.85, SEVERE_TOXICITY: 0.4 },
    r`\b(?:teri|tumhari|tere|uski|iski|unki)\s+(?:maa|ma|mai|amma|behen|bahen|bhen)\s+(?:ki|ka|ke)\s+(?:chut|choot|aankh|bhosda|bhosdi|laude|lode)\b`,
    r`\b(?:maa|bhen|behen|bahen)\s+ke\s+(?:lode|laude|lavde|lawde|takke|ghode)\b`,
    r`\b(?:maa|bhen|behen)\s+(?:chod|chud|chuda|chudaa)\w*`
  ),
  build(
    'abuse: ki aulad',
    { INSULT: 0.8, PROFANITY: 0.3 },
    r`\b(?:suar|suwar|sooar|kutte|kutton|gadhe|harami|haraami|sapol|naag)\s+(?:ki|ke)\s+(?:aulad|aulaad|bachche|pille|nasal)\b`,
    r`\bkutte\s+ki\s+maut\b`,
    r`\bnaali\s+ke\s+keed`
  ),
  build(
    'abuse: dimaag ghutne mein',
    { INSULT: 0.6 },
    r`\b(?:dimag|dimaag|akal|akl|dimak)\s+(?:se\s+paidal|ghutne\s+m[ea]i?n?|ghaas\s+charne|ghar\s+pe\s+chhod|bechke?)\b`,
    r`\bbhains\s+ki\s+(?:aankh|pooch|poonch)\b`,
    r`\b(?:paida|paidaa)\s+hi\s+galti\s+se\b`
  ),
  build(
    'rude: bakwas band kar',
    { INSULT: 0.45 },
    r`\b(?:bakwas|bakwaas|bakbak|bhaunkna|bhonkna)\s+band\s+(?:kar|kr|karo)\b`,
    r`\b(?:bhaunk|bhonk|bhouk)\s*(?:raha|rahe|rahi|ta|te|ti|ne)\b`,
    r`\btere\s+baap\s+ka\s+(?:raaj|raj|desh)\b`,
    r`\b(?:abe|abey|oye)\s+(?:chup|chal|ja)\b`
  ),
  build(
    'hate: X log gande hain',
    { IDENTITY_ATTACK: 0.7, INSULT: 0.3 },
    r`\b(?:muslim|musalman|musalmaan|hindu|sikh|isai|christian|bihari|bengali|madrasi|kashmiri|punjabi|marathi|gujarati|dalit|chamar|bangladeshi|rohingya|pakistani|chinese|african)\s+(?:log\s+|sab\s+)?(?:\w+\s+)?(?:gande|gandey|ganda|kaale|jaahil|jahil|aatanki|aatankwadi|atankwadi|gaddar|keede|deemak|jaasoos|patthar\s?baaz|chor|ghatiya)\b`,
    r`\b(?:aabaadi|abaadi|population)\s+badha\s*(?:ke|kar)\b`,
    r`\b(?:hara|haraa)\s+(?:saanp|sanp|virus|kachra)\b`,
    r`\bpakistan\s+(?:bhejo|bhej\s+do|chala\s+ja|chale\s+jao|jao)\b`
  )
]
